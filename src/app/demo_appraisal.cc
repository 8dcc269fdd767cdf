#include "app/demo_appraisal.h"

#include <algorithm>
#include <map>

#include "app/appraisal.h"
#include "app/checks.h"
#include "app/projects.h"
#include "app/scoring.h"
#include "app/workflow.h"
#include "domain/workflow.h"
#include "store/account_repo.h"
#include "store/appraisal_repo.h"
#include "store/project_repo.h"
#include "store/register_repo.h"

namespace kc::app {
namespace {

constexpr Date kSubmittedOn{2018, 5, 10};
constexpr const char* kAppraisers[] = {"appraiser1", "appraiser2", "appraiser3", "appraiser4",
                                       "appraiser5"};

// A deterministic number in [0, n) from a few integers (splitmix64).
std::int64_t mix(std::uint64_t a, std::uint64_t b, std::uint64_t c, std::int64_t n) {
  std::uint64_t z = a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL) * 31 ^ c * 1000003;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  return static_cast<std::int64_t>(z % static_cast<std::uint64_t>(n));
}

struct Demo {
  store::Connection& db;
  std::int64_t program_id;
  Actor department{Role::department, 0, "demo", {}, 0};
  DemoAppraisalReport report;

  Status step(const Actor& a, std::int64_t id, const char* action, const std::string& reason = {}) {
    auto p = store::get_project(db, id);
    if (!p) return std::unexpected(p.error());
    auto moved = transition_project(db, a, {id, p->version, action, reason, kSubmittedOn});
    if (!moved) return std::unexpected(moved.error());
    return {};
  }

  Result<std::int64_t> user(const char* login) {
    auto u = store::find_user_by_login(db, login);
    if (!u) return std::unexpected(u.error());
    if (!*u) return std::unexpected(Error::internal(std::string("no demo account ") + login));
    return (*u)->id;
  }

  Result<std::vector<Project>> projects(std::int64_t program, const char* status) {
    ListQuery q;
    q.program_id = program, q.status = status, q.page_size = 100000;
    auto page = store::list_projects(db, q);
    if (!page) return std::unexpected(page.error());
    std::vector<Project> out;
    for (const auto& item : page->items) out.push_back(item.project);
    return out;
  }

  // Every member scores every assigned proposal around the proposal's own quality.
  Status score_all(const Council& c, const Round& r, const std::vector<Project>& ps,
                   std::int64_t conflicted_project, std::int64_t conflicted_user) {
    for (const auto& m : c.members) {
      if (m.role == "secretary") continue;
      Actor member{Role::appraiser, m.user_id, "demo", {}, 0};
      for (const auto& p : ps) {
        if (p.id == conflicted_project && m.user_id == conflicted_user) {
          if (auto s = declare_conflict(db, member, c.id, p.id, "Từng tư vấn cho đơn vị thực hiện");
              !s)
            return std::unexpected(s.error());
          continue;
        }
        // Quality 35..94 % per proposal, the member's own leaning -6..+6 points of 100.
        std::int64_t quality = 35 + mix(p.id, 0, 0, 60);
        std::int64_t lean = mix(m.user_id, 1, 0, 13) - 6;
        ScoreSheet sheet{c.id, p.id, m.user_id, false, {}, {}};
        for (std::size_t k = 0; k < r.criteria.size(); ++k) {
          const auto& cr = r.criteria[k];
          std::int64_t noise = mix(p.id, m.user_id, k, 5) - 2;
          std::int64_t pts = (quality + lean) * cr.max_points / 100 + noise;
          sheet.lines.push_back({cr.code, std::clamp<std::int64_t>(pts, 0, cr.max_points), {}});
        }
        if (auto s = save_sheet(db, member, sheet); !s) return std::unexpected(s.error());
      }
    }
    return {};
  }

  Result<Council> council(const Round& r, const char* level, const std::string& province,
                          const std::string& name,
                          std::vector<std::pair<const char*, const char*>> members,
                          const Actor& a) {
    Council c;
    c.round_id = r.id, c.level = level, c.province_2025 = province, c.name = name;
    for (auto [login, role] : members) {
      auto id = user(login);
      if (!id) return std::unexpected(id.error());
      c.members.push_back({*id, role, {}});
    }
    return create_council(db, a, c);
  }

  Status conclude_all(const Council& c, bool ministry) {
    auto ranking = council_ranking(db, department, c.id);
    if (!ranking) return std::unexpected(ranking.error());
    int n = 0;
    for (const auto& item : (*ranking)["items"]) {
      bool passed = item["passed"].get<bool>();
      std::string conclusion = passed ? (++n % 7 == 0 ? "pass_with_changes" : "pass") : "fail";
      std::string note = passed ? "" : "Điểm bình quân dưới mức đạt hoặc dưới điểm sàn";
      Actor a = department;
      if (!ministry) a = Actor{Role::province, 0, "demo", c.province_2025, 0};
      if (auto s = conclude(db, a, c.id, item["project_id"].get<std::int64_t>(), conclusion, note);
          !s)
        return std::unexpected(s.error());
      if (ministry) ++(passed ? report.passed : report.failed);
    }
    return {};
  }

  Result<DemoAppraisalReport> run() {
    Round r;
    r.program_id = program_id, r.year = 2019;
    auto round = create_round(db, department, r);
    if (!round) return std::unexpected(round.error());

    // Registration: every draft submitted; three returned for revision and submitted again.
    auto drafts = projects(round->program_id, "draft");
    if (!drafts) return std::unexpected(drafts.error());
    for (const auto& p : *drafts) {
      if (auto s = step(department, p.id, "submit"); !s) return std::unexpected(s.error());
      ++report.submitted;
    }
    for (std::size_t i = 0; i < 3 && i < drafts->size(); ++i) {
      auto id = (*drafts)[i * 7].id;
      if (auto s = step(department, id, "return", "Bổ sung dự toán chi tiết theo hạng mục"); !s)
        return std::unexpected(s.error());
      if (auto s = step(department, id, "submit"); !s) return std::unexpected(s.error());
      ++report.returned;
    }

    // The provinces' appraisal, acting as each province's department of industry and trade.
    auto submitted = projects(round->program_id, "submitted");
    if (!submitted) return std::unexpected(submitted.error());
    std::map<std::string, std::vector<Project>> by_province;
    std::vector<Project> direct;
    for (const auto& p : *submitted) {
      auto via = goes_via_province(db, p);
      if (!via) return std::unexpected(via.error());
      if (!*via) {
        direct.push_back(p);
        continue;
      }
      auto facts = store::find_province(db, p.provinces.front());
      if (!facts || !*facts) return std::unexpected(Error::internal("demo province"));
      by_province[(*facts)->province_2025].push_back(p);
    }
    std::string busiest;
    for (const auto& [code, ps] : by_province)
      if (busiest.empty() || ps.size() > by_province[busiest].size()) busiest = code;
    int not_forwarded = 0;
    for (const auto& [code, ps] : by_province) {
      Actor office{Role::province, 0, "demo", code, 0};
      for (const auto& p : ps)
        if (auto s = step(office, p.id, "start_province_appraisal"); !s)
          return std::unexpected(s.error());
      if (code == busiest) {
        auto c = council(*round, "province", code, "Hội đồng thẩm định cấp tỉnh",
                         {{"appraiser1", "chair"}, {"appraiser2", "member"}}, office);
        if (!c) return std::unexpected(c.error());
        std::vector<std::int64_t> ids;
        for (const auto& p : ps) ids.push_back(p.id);
        if (auto s = assign_projects(db, office, c->id, ids, {}); !s)
          return std::unexpected(s.error());
        if (auto s = score_all(*c, *round, ps, 0, 0); !s) return std::unexpected(s.error());
        if (auto s = conclude_all(*c, false); !s) return std::unexpected(s.error());
      }
      for (const auto& p : ps) {
        bool refuse = code != busiest && not_forwarded < 2 && mix(p.id, 9, 9, 20) == 0;
        if (refuse) {
          ++not_forwarded;
          if (auto s = step(office, p.id, "not_forward", "Chưa có vốn đối ứng được xác nhận"); !s)
            return std::unexpected(s.error());
        } else if (auto s = step(office, p.id, "forward"); !s) {
          return std::unexpected(s.error());
        }
      }
    }
    report.not_forwarded = not_forwarded;

    // The ministry's appraisal: forwarded and direct proposals before one council of five.
    auto forwarded = projects(round->program_id, "forwarded");
    if (!forwarded) return std::unexpected(forwarded.error());
    std::vector<Project> at_ministry = *forwarded;
    at_ministry.insert(at_ministry.end(), direct.begin(), direct.end());
    for (const auto& p : at_ministry)
      if (auto s = step(department, p.id, "start_ministry_appraisal"); !s)
        return std::unexpected(s.error());
    auto c = council(*round, "ministry", "", "Hội đồng thẩm định đề án khuyến công quốc gia 2019",
                     {{kAppraisers[2], "chair"},
                      {kAppraisers[0], "member"},
                      {kAppraisers[1], "member"},
                      {kAppraisers[3], "member"},
                      {kAppraisers[4], "member"}},
                     department);
    if (!c) return std::unexpected(c.error());
    std::vector<std::int64_t> ids;
    for (const auto& p : at_ministry) ids.push_back(p.id);
    if (auto s = assign_projects(db, department, c->id, ids, {}); !s)
      return std::unexpected(s.error());
    auto conflicted_user = user(kAppraisers[1]);
    if (!conflicted_user) return std::unexpected(conflicted_user.error());
    if (auto s =
            score_all(*c, *round, at_ministry, ids.empty() ? 0 : ids.front(), *conflicted_user);
        !s)
      return std::unexpected(s.error());
    if (auto s = conclude_all(*c, true); !s) return std::unexpected(s.error());
    return report;
  }
};

}  // namespace

Result<DemoAppraisalReport> run_demo_appraisal(store::Connection& db, std::int64_t program_id) {
  Demo d{db, program_id, {Role::department, 0, "demo", {}, 0}, {}};
  // One transaction: the use cases' own transactions become savepoints inside it.
  return in_write_tx(db, [&] { return d.run(); });
}

}  // namespace kc::app
