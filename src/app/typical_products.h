#pragma once
// Typical rural industrial products recognised at a level (TT 26/2014, TT 38/2025): commune
// (from 01/07/2025; the district before), provincial, regional in one of the three areas,
// national. Each recognition has a certificate valid for the dated setting
// `typical_product_validity_years` (2, unconfirmed) and a verification code that the public
// resolves. A product (facility and name) recognised at a level enters again only once that
// recognition lapsed (422 `still_recognized`); a score below the dated pass mark
// `typical_product_pass_mark` (70 of 100, unconfirmed) is refused (422 `at_least`).
//   body: {"certificate_no", "name", "group": handicraft|processed_food|machinery|other,
//   "description"?, "facility_id", "level", "area_code" (regional: BAC|TRUNG|NAM), "year",
//   "score"? (points of 100), "recognized_on", "project_id"?}.
// Whoever reads the register reads them; the department recognises at every level, a province
// up to the provincial level and only its own facilities (`manage_products`).
#include <nlohmann/json.hpp>

#include "app/exports.h"
#include "app/policy.h"
#include "domain/list_query.h"
#include "store/db.h"

namespace kc::app {

// The page with the count of the whole filter by level ({"by_level": {"regional": 244}}).
Result<nlohmann::json> list_products(store::Connection& db, const Actor& a, ListQuery q);
Result<nlohmann::json> product_json(store::Connection& db, const Actor& a, std::int64_t id);
Result<nlohmann::json> recognize_product(store::Connection& db, const Actor& a,
                                         const nlohmann::json& body);
// The public answer for a verification code: the certificate and whether it is valid today;
// not_found for an unknown code.
Result<nlohmann::json> verify_certificate(store::Connection& db, const std::string& code);
// The public catalogue: the recognitions of the filter (year, kind = level, area, province, q)
// with only what verify_certificate shows.
Result<nlohmann::json> public_products(store::Connection& db, ListQuery q);
// The certificate as a document (`format`: pdf | docx).
Result<ExportResult> export_certificate(store::Connection& db, const Actor& a, std::int64_t id,
                                        const std::string& format, const std::string& path);

}  // namespace kc::app
