#pragma once
// The public bulletin's pages as HTML (issue 14), read through app/ with no session: the home
// page (latest news, the last closed year's headline figures), the news list, an article, the
// photo library, the typical products catalogue, certificate verification, the published plans
// and results, the clusters' map; and the feeds
// (RSS 2.0 and the sitemap), whose links are absolute on the public base URL.
#include <map>
#include <string>

#include "domain/error.h"
#include "store/db.h"

namespace kc::site {

using Query = std::map<std::string, std::string>;

Result<std::string> home_page(store::Connection& db, const std::string& public_url);
Result<std::string> news_page(store::Connection& db, const Query& q, const std::string& public_url);
// not_found when no public article has this address.
Result<std::string> article_page(store::Connection& db, const std::string& slug,
                                 const std::string& public_url);
Result<std::string> photos_page(store::Connection& db, const std::string& public_url);
Result<std::string> products_page(store::Connection& db, const Query& q,
                                  const std::string& public_url);
// `code` empty: the form; an unknown code: not_found (the page says so).
Result<std::string> verify_page(store::Connection& db, const std::string& code,
                                const std::string& public_url);
// The localities' petitions whose answers the department published (?trang=N).
Result<std::string> petitions_page(store::Connection& db, const Query& q,
                                   const std::string& public_url);
// The published plan and results of a closed year of the national program (?nam=YEAR, the
// last one by default), with the year's figures and its plan per province.
Result<std::string> results_page(store::Connection& db, const Query& q,
                                 const std::string& public_url);
// The industrial clusters on the map of the 34 provinces, with their counts per province.
Result<std::string> clusters_page(store::Connection& db, const std::string& public_url);
std::string not_found_page(const std::string& public_url);

Result<std::string> rss(store::Connection& db, const std::string& public_url);
Result<std::string> sitemap(store::Connection& db, const std::string& public_url);

}  // namespace kc::site
