// Typical rural industrial products and their certificates (app/typical_products.h); the
// public verification of a certificate's code.
#include "app/codec.h"
#include "app/typical_products.h"
#include "http/reply.h"

namespace kc::http {
namespace {

using app::Permission;

Response certificate(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  return formatted_file(req, "pdf", "docx",
                        [&](const std::string& format, const std::string& path) {
                          return app::export_certificate(ctx.db, ctx.actor, *id, format, path);
                        });
}

Response verify(HandlerContext& ctx, Request& req) {
  return reply(app::verify_certificate(ctx.db, req.path_params.at("code")), req, as_is);
}

}  // namespace

void add_product_routes(std::vector<Route>& t) {
  auto R = Permission::read_places;
  t.push_back({"GET", "/api/v1/typical-products",
               "Typical rural industrial products recognised, with the count of the filter by "
               "level (year, kind = level, area, province, q)",
               R, list_of(app::list_products), true});
  t.push_back({"POST", "/api/v1/typical-products",
               "Recognise a typical product at a level, with its certificate",
               Permission::manage_products, create_with(app::recognize_product)});
  t.push_back({"GET", "/api/v1/typical-products/{id}", "One recognised typical product", R,
               get_one(app::product_json), true});
  t.push_back({"GET", "/api/v1/typical-products/{id}/certificate",
               "The product's certificate: ?format=pdf (the default) or docx", R, certificate,
               false, true});
  t.push_back({"GET", "/api/v1/verify/{code}",
               "Public: the certificate a verification code names, and whether it is valid today",
               Permission::public_read, verify});
}

}  // namespace kc::http
