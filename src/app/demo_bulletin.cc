#include "app/demo_bulletin.h"

#include <fmt/format.h>

#include "app/accounts.h"
#include "app/bulletin.h"
#include "app/petitions.h"
#include "documents/banner.h"
#include "domain/money.h"
#include "store/account_repo.h"
#include "store/fair_repo.h"
#include "store/product_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

struct Draft {
  std::string title, summary, body, publish_at;  // publish_at "" = a draft
  std::uint32_t colour = 0;
};

Result<std::int64_t> regional(store::Connection& db, const char* area) {
  ListQuery q;
  q.year = 2018, q.kind = "regional", q.area = area;
  auto levels = store::products_by_level(db, q);
  if (!levels) return std::unexpected(levels.error());
  std::int64_t n = 0;
  for (const auto& [level, count] : *levels) n += count;
  return n;
}

// The articles, their figures read from the records.
Result<std::vector<Draft>> drafts(store::Connection& db) {
  auto h = headline_figures(db);
  if (!h) return std::unexpected(h.error());
  if (h->is_null()) return std::vector<Draft>{};
  const json& f = *h;
  auto out_of = [&](const char* key) {
    return f["outputs"].contains(key) ? f["outputs"][key].get<long long>() : 0LL;
  };
  ListQuery fq;
  fq.year = 2018;
  auto fairs = store::fair_totals(db, fq);
  if (!fairs) return std::unexpected(fairs.error());
  auto north = regional(db, "BAC"), centre = regional(db, "TRUNG"), south = regional(db, "NAM");
  if (!north || !centre || !south) return std::unexpected(Error::internal("product counts"));
  const long long completion = std::llround(f["completion_rate"].get<double>() * 1000);
  std::vector<Draft> d;
  d.push_back(
      {"Tổng kết Chương trình khuyến công quốc gia năm 2018",
       fmt::format("Năm 2018, Chương trình khuyến công quốc gia được giao {} và thực hiện {} "
                   "đề án; {},{} % kế hoạch được hoàn thành.",
                   format_vnd_short(f["plan_vnd"].get<Vnd>()),
                   format_count(f["projects_planned"].get<long long>()), completion / 10,
                   completion % 10),
       fmt::format(
           "## Kết quả chính\n\n- **{}** đề án được giao, **{}** đề án đã ký hợp đồng;\n"
           "- **{}** mô hình trình diễn kỹ thuật;\n- **{}** cơ sở công nghiệp nông thôn được "
           "hỗ trợ chuyển giao công nghệ, ứng dụng máy móc tiên tiến;\n- **{}** gian hàng tại "
           "hội chợ, triển lãm;\n- **{}** sản phẩm công nghiệp nông thôn tiêu biểu cấp khu "
           "vực;\n- **{}** đề án hỗ trợ cụm công nghiệp.\n\nSố liệu được tổng hợp từ quyết "
           "định giao kế hoạch, hợp đồng và biên bản nghiệm thu trong hệ thống.",
           format_count(f["projects_planned"].get<long long>()),
           format_count(f["projects_contracted"].get<long long>()),
           format_count(out_of("demo_model")), format_count(out_of("facility_tech_machinery")),
           format_count(out_of("fair_booth")), format_count(out_of("typical_product_regional")),
           format_count(f["cluster_projects"]["total"].get<long long>())),
       "2019-01-25T02:00:00Z", 0x0b4f9c});
  d.push_back(
      {fmt::format("{} sản phẩm công nghiệp nông thôn tiêu biểu cấp khu vực năm 2018",
                   format_count(*north + *centre + *south)),
       "Hội đồng bình chọn cấp khu vực đã công nhận sản phẩm tiêu biểu của ba miền.",
       fmt::format("Năm 2018 có **{}** sản phẩm miền Bắc, **{}** sản phẩm miền Trung và **{}** "
                   "sản phẩm miền Nam được công nhận.\n\nMỗi giấy chứng nhận có một mã xác "
                   "minh; bất kỳ ai cũng có thể kiểm tra tại trang "
                   "[Xác minh giấy chứng nhận](/xac-minh).\n\nXem "
                   "[danh mục sản phẩm](/san-pham-tieu-bieu?nam=2018).",
                   format_count(*north), format_count(*centre), format_count(*south)),
       "2018-12-20T02:00:00Z", 0x237804});
  d.push_back(
      {fmt::format("{} gian hàng của cơ sở công nghiệp nông thôn tại {} hội chợ năm 2018",
                   format_count(fairs->booths), format_count(fairs->fairs)),
       "Chương trình hỗ trợ các cơ sở giới thiệu sản phẩm tại hội chợ, triển lãm trong nước.",
       fmt::format("Năm 2018, **{}** cơ sở được hỗ trợ **{}** gian hàng tiêu chuẩn tại **{}** "
                   "hội chợ, triển lãm, với tổng kinh phí {}.",
                   format_count(fairs->facilities), format_count(fairs->booths),
                   format_count(fairs->fairs), format_vnd(fairs->amount)),
       "2018-11-30T02:00:00Z", 0xad4e00});
  d.push_back({"Mở đợt đăng ký đề án khuyến công quốc gia năm 2019",
               "Các tổ chức, cá nhân đăng ký đề án qua Sở Công Thương trước ngày 20/5.",
               "Đề án được lập theo mẫu, gửi Sở Công Thương để thẩm định trước khi trình Bộ "
               "Công Thương.\n\n1. Lập đề án và dự toán;\n2. Gửi hồ sơ qua hệ thống;\n3. "
               "Theo dõi kết quả thẩm định.",
               "2018-12-05T02:00:00Z", 0x531dab});
  d.push_back({"Kế hoạch khuyến công quốc gia giai đoạn tới",
               "Bài viết đã lên lịch, chưa hiển thị với công chúng.",
               "Nội dung sẽ được công bố theo lịch.", "2099-01-01T01:00:00Z", 0x0b4f9c});
  d.push_back({"Bản nháp: hướng dẫn báo cáo cụm công nghiệp", "Bản nháp nội bộ.",
               "Chưa hoàn thành.", "", 0x595959});
  return d;
}

Result<Actor> demo_user(store::Connection& db, const std::string& login) {
  auto u = store::find_user_by_login(db, login);
  if (!u) return std::unexpected(u.error());
  if (!*u) return std::unexpected(Error::internal("the demo has no account " + login));
  return actor_of(**u);
}

// Three petitions: Hà Nội's answered and published, Hồ Chí Minh City's assigned, one new.
Status demo_petitions(store::Connection& db) {
  auto hanoi = demo_user(db, "province-01"), hcm = demo_user(db, "province-79");
  auto dept = demo_user(db, "department");
  if (!hanoi || !hcm || !dept) return std::unexpected(Error::internal("demo accounts"));
  auto file = [&](const Actor& who, const char* title, const char* body) {
    return file_petition(db, who, json{{"title", title}, {"body", body}});
  };
  auto machinery = file(*hanoi, "Hướng dẫn hồ sơ hỗ trợ ứng dụng máy móc thiết bị",
                        "Đề nghị Cục hướng dẫn thành phần hồ sơ chứng minh máy móc thiết bị là "
                        "tiên tiến khi cơ sở đăng ký đề án hỗ trợ ứng dụng.");
  auto booths = file(*hcm, "Mức hỗ trợ gian hàng tại hội chợ ở nước ngoài",
                     "Đề nghị xem xét nâng mức hỗ trợ một gian hàng tiêu chuẩn tại hội chợ ở "
                     "nước ngoài cho phù hợp chi phí thực tế.");
  auto clusters = file(*hanoi, "Thời hạn báo cáo tình hình cụm công nghiệp",
                       "Xin hỏi thời hạn gửi báo cáo sáu tháng về tình hình cụm công nghiệp.");
  if (!machinery || !booths || !clusters) return std::unexpected(Error::internal("petitions"));
  auto assigned = assign_petition(db, *dept, (*machinery)["id"].get<std::int64_t>(),
                                  json{{"version", (*machinery)["version"]}});
  if (!assigned) return std::unexpected(assigned.error());
  auto answered = answer_petition(
      db, *dept, (*assigned)["id"].get<std::int64_t>(),
      json{{"answer",
            "Hồ sơ gồm thuyết minh tính năng kỹ thuật của máy móc, so sánh với thiết bị cơ sở "
            "đang dùng và báo giá; Sở Công Thương xác nhận khi thẩm định."},
           {"published", true},
           {"version", (*assigned)["version"]}});
  if (!answered) return std::unexpected(answered.error());
  auto second = assign_petition(db, *dept, (*booths)["id"].get<std::int64_t>(),
                                json{{"version", (*booths)["version"]}});
  if (!second) return std::unexpected(second.error());
  return {};
}

}  // namespace

Status demo_bulletin(store::Connection& db, const std::string& files) {
  const Actor a = Actor::system("demo");
  auto list = drafts(db);
  if (!list) return std::unexpected(list.error());
  for (const auto& d : *list) {
    json body = {{"title", d.title}, {"summary", d.summary}, {"body_md", d.body}};
    auto made = create_article(db, a, body);
    if (!made) return std::unexpected(made.error());
    std::int64_t id = (*made)["id"].get<std::int64_t>();
    auto photo =
        add_article_image(db, a, files, id, d.title,
                          documents::banner_png(d.title, "Chương trình khuyến công", d.colour));
    if (!photo) return std::unexpected(photo.error());
    json update = {{"title", d.title},
                   {"summary", d.summary},
                   {"body_md", d.body},
                   {"slug", (*made)["slug"]},
                   {"cover_image_id", (*photo)["id"]},
                   {"published", !d.publish_at.empty()},
                   {"publish_at", d.publish_at.empty() ? json(nullptr) : json(d.publish_at)},
                   {"version", (*made)["version"]}};
    if (auto u = update_article(db, a, id, update); !u) return std::unexpected(u.error());
  }
  return demo_petitions(db);
}

}  // namespace kc::app
