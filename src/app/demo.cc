#include "app/demo.h"

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "app/audit.h"
#include "app/codec.h"
#include "app/demo_chains.h"
#include "app/demo_clusters.h"
#include "app/demo_decisions.h"
#include "app/demo_execution.h"
#include "app/demo_fairs.h"
#include "app/demo_names.h"
#include "app/demo_products.h"
#include "app/projects.h"
#include "app/register.h"
#include "domain/project.h"
#include "store/project_repo.h"
#include "store/reference_repo.h"
#include "store/register_repo.h"

namespace kc::app {
namespace {

namespace dn = demo_names;

// Deterministic choices: only raw mt19937_64 output is used (its sequence is fixed by the
// standard; library distributions are not).
struct Rng {
  std::mt19937_64 g{20180522};
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(g() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  bool chance(int percent) { return between(1, 100) <= percent; }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[static_cast<size_t>(between(0, static_cast<std::int64_t>(v.size()) - 1))];
  }
};

// Splits `total` into n positive parts that vary around the mean.
std::vector<std::int64_t> split_total(std::int64_t total, int n, Rng& rng) {
  std::vector<std::int64_t> parts(static_cast<size_t>(n), total / n);
  for (std::int64_t i = 0; i < total % n; ++i) ++parts[static_cast<size_t>(i)];
  for (int k = 0; k < n * 3; ++k) {
    auto a = static_cast<size_t>(rng.between(0, n - 1)),
         b = static_cast<size_t>(rng.between(0, n - 1));
    std::int64_t d = rng.between(0, parts[a] / 3);
    if (a != b && parts[a] - d >= 1) parts[a] -= d, parts[b] += d;
  }
  return parts;
}

struct Province {
  std::string code, name, region;
  bool city;
};

struct Spec {
  std::string content;
  std::string family;  // model, machinery, fair, selection, ccn_plan, ccn_infra, training,
                       // management, info, cleaner, intl, capacity
  int count;
  std::int64_t weight_lo, weight_hi;  // requested funds before scaling, in millions
};

class Builder {
 public:
  explicit Builder(store::Connection& db) : db_(db) {}

  // Projects created next belong to this program and year.
  // `prefix` starts the projects' codes; `province` (a 2008 code) keeps a local programme's
  // projects in its province.
  void start_round(int year, std::int64_t program_id, std::string prefix = "KCQG",
                   std::string province = "") {
    year_ = year;
    program_id_ = program_id;
    prefix_ = std::move(prefix);
    only_province_ = std::move(province);
  }

  Status load_provinces() {
    auto rows = store::list_provinces(db_, "2008");
    if (!rows) return std::unexpected(rows.error());
    static const std::set<std::string> kCities{"01", "31", "48", "79", "92"};
    for (const auto& r : *rows)
      provinces_.push_back({r.code, r.name_vi, r.region_code, kCities.contains(r.code)});
    return {};
  }

  Status create_organizations(DemoReport& report) {
    for (const auto& p : provinces_) {
      std::string place = std::string(p.city ? "thành phố " : "tỉnh ") + p.name;
      auto center = org("Trung tâm Khuyến công " + place, "provincial_center", p.code);
      auto dept = org("Sở Công Thương " + place, "department", p.code);
      if (!center || !dept) return std::unexpected(!center ? center.error() : dept.error());
      center_[p.code] = *center, department_[p.code] = *dept;
    }
    struct Named {
      const char* name;
      const char* kind;
      const char* province;
    };
    for (auto [name, kind, province] :
         {Named{"Trung tâm Khuyến công và Tư vấn phát triển công nghiệp I", "regional_center",
                "01"},
          Named{"Trung tâm Khuyến công và Tư vấn phát triển công nghiệp II", "regional_center",
                "48"},
          Named{"Trung tâm Khuyến công và Tư vấn phát triển công nghiệp III", "regional_center",
                "79"},
          Named{"Cục Công Thương địa phương", "ministry_unit", "01"},
          Named{"Hiệp hội Làng nghề Việt Nam", "association", "01"},
          Named{"Viện Nghiên cứu Cơ khí", "institute_school", "01"},
          Named{"Trường Cao đẳng Kinh tế - Kỹ thuật Công Thương", "institute_school", "01"}}) {
      auto id = org(name, kind, province);
      if (!id) return std::unexpected(id.error());
      national_.push_back(*id);
    }
    report.organizations = static_cast<std::int64_t>(center_.size() * 2 + national_.size());
    return {};
  }

  // Creates the projects of one round. Amounts are scaled so that requested funds add up to
  // exactly `budget` (when budget > 0).
  Status create_projects(const std::vector<Spec>& specs, const std::string& status, Vnd budget,
                         const DemoTargets2018& t, DemoReport& report,
                         const std::function<void(std::size_t, std::size_t)>& progress) {
    std::vector<Project> drafts;
    std::map<std::string, std::vector<std::int64_t>> shares;  // family -> per-project quantities
    for (const auto& s : specs) {
      if (s.family == "machinery")
        shares[s.family] = split_total(t.machinery_facilities, s.count, rng_);
      if (s.family == "fair") shares[s.family] = split_total(t.fair_booths, s.count, rng_);
      if (s.family == "selection")
        shares[s.family] = split_total(t.regional_typical_products, s.count, rng_);
    }
    std::vector<std::int64_t> weights;
    for (const auto& s : specs) {
      for (int i = 0; i < s.count; ++i) {
        std::int64_t share =
            shares.contains(s.family) ? shares[s.family][static_cast<size_t>(i)] : 0;
        auto p = draft(s, i, share);
        if (!p) return std::unexpected(p.error());
        drafts.push_back(std::move(*p));
        weights.push_back(rng_.between(s.weight_lo, s.weight_hi));
      }
    }
    assign_money(drafts, weights, budget);
    for (size_t i = 0; i < drafts.size(); ++i) {
      Project& p = drafts[i];
      p.status = status;
      char code[48];
      std::snprintf(code, sizeof code, "%s-%d-%03zu", prefix_.c_str(), year_, i + 1);
      p.code = code;
      if (auto id = insert_project_checked(db_, actor_, p); !id) return std::unexpected(id.error());
      ++report.projects;
      if (progress) progress(i + 1, drafts.size());
    }
    report.facilities = facilities_;
    return {};
  }

 private:
  Result<std::int64_t> org(const std::string& name, const char* kind, const std::string& province) {
    Organization o;
    o.name = name, o.kind = kind, o.province = {"2008", province};
    return insert_organization_checked(db_, actor_, o);
  }

  Result<std::int64_t> facility(const Province& pr, const dn::Craft& craft) {
    Facility f;
    auto kind_index = static_cast<size_t>(
        rng_.between(0, static_cast<std::int64_t>(std::size(kFacilityKinds)) - 1));
    f.kind = std::string(kFacilityKinds[kind_index]);
    f.name = std::string(dn::facility_prefixes()[kind_index]) + " " + std::string(craft.industry) +
             " " + std::string(rng_.pick(dn::given_names()));
    if (f.kind != "household_business" && f.kind != "artisan")
      f.tax_code = std::to_string(rng_.between(1000000000, 6999999999));
    f.province = {"2008", pr.code};
    f.commune = "Xã " + std::string(rng_.pick(dn::given_names()));
    f.address = "Thôn " + std::to_string(rng_.between(1, 12)) + ", " + f.commune;
    f.craft_village = rng_.chance(35);
    f.women_owned = rng_.chance(25);
    f.ethnic_minority_workers =
        (pr.region == "TDMNPB" || pr.region == "TN") ? rng_.chance(60) : rng_.chance(5);
    f.industry = std::string(craft.industry);
    f.employees = f.kind == "artisan" ? rng_.between(1, 10) : rng_.between(8, 160);
    auto id = insert_facility_checked(db_, actor_, f);
    if (id) ++facilities_;
    return id;
  }

  // Steps of 8 visit every one of the 63 provinces (8 and 63 are coprime).
  const Province& next_province() {
    if (!only_province_.empty())
      for (const auto& p : provinces_)
        if (p.code == only_province_) return p;
    return provinces_[(cursor_ += 8) % provinces_.size()];
  }

  Result<Project> draft(const Spec& s, int i, std::int64_t share) {
    Project p;
    p.year = year_, p.program_id = program_id_, p.content_code = s.content, p.kind = "regular";
    const Province& pr = next_province();
    p.provinces = {{"2008", pr.code}};
    p.implementing_org_id = center_[pr.code];
    const auto& craft = rng_.pick(dn::crafts());
    std::string place = std::string(pr.city ? "thành phố " : "tỉnh ") + pr.name;
    int beneficiaries = 0;
    if (s.family == "model") {
      beneficiaries = 1;
      p.outputs = {{"demo_model", 1}, {"facility_supported", 1}};
      p.title = "Xây dựng mô hình trình diễn kỹ thuật " + std::string(craft.machinery) +
                " sản xuất " + std::string(craft.product) + " tại " + place;
    } else if (s.family == "machinery") {
      beneficiaries = static_cast<int>(share);
      p.kind = i % 6 == 0 ? "group" : "regular";
      p.outputs = {{"facility_tech_machinery", share},
                   {"machinery_applied", share * 2},
                   {"facility_supported", share}};
      p.title = "Hỗ trợ ứng dụng " + std::string(craft.machinery) + " trong sản xuất " +
                std::string(craft.product) + " tại " + place;
    } else if (s.family == "fair") {
      const Province& second = next_province();
      if (i % 3 == 0 && second.code != pr.code)
        p.kind = "point", p.provinces.push_back({"2008", second.code});
      p.outputs = {{"fair_booth", share}};
      p.title = "Hỗ trợ cơ sở công nghiệp nông thôn tham gia " +
                std::string(dn::fair_names()[static_cast<size_t>(i) % dn::fair_names().size()]) +
                " năm " + std::to_string(year_);
    } else if (s.family == "selection") {
      static const char* kAreas[] = {"phía Bắc", "miền Trung - Tây Nguyên", "phía Nam"};
      p.implementing_org_id = national_[static_cast<size_t>(i) % 3];
      p.provinces = {{"2008", i % 3 == 0 ? "01" : (i % 3 == 1 ? "48" : "79")}};
      p.outputs = {{"typical_product_regional", share}};
      p.title = std::string("Tổ chức bình chọn sản phẩm công nghiệp nông thôn tiêu biểu khu vực ") +
                kAreas[i % 3] + " năm " + std::to_string(year_);
    } else if (s.family == "ccn_plan" || s.family == "ccn_infra") {
      p.implementing_org_id = department_[pr.code];
      bool plan = s.family == "ccn_plan";
      p.outputs = {{plan ? "ccn_detailed_plan" : "ccn_infrastructure", 1}};
      p.title = std::string(plan ? "Hỗ trợ lập quy hoạch chi tiết cụm công nghiệp "
                                 : "Hỗ trợ đầu tư xây dựng hạ tầng cụm công nghiệp ") +
                std::string(rng_.pick(dn::given_names())) + ", " + place;
    } else if (s.family == "training" || s.family == "management") {
      std::int64_t courses = rng_.between(1, 3);
      p.outputs = {{"training_course", courses},
                   {"people_trained", courses * rng_.between(25, 35)}};
      p.title = s.family == "training"
                    ? std::string(rng_.pick(dn::training_topics())) + " tại " + place
                    : "Nâng cao năng lực quản lý cho cơ sở công nghiệp nông thôn " + place;
    } else if (s.family == "info") {
      p.implementing_org_id = i % 2 ? national_[3] : center_[pr.code];
      p.outputs = {{"publication", rng_.between(6, 48)}};
      p.title = std::string(rng_.pick(dn::info_topics())) + " năm " + std::to_string(year_);
    } else if (s.family == "cleaner") {
      beneficiaries = static_cast<int>(rng_.between(1, 3));
      p.outputs = {{"cleaner_production", beneficiaries}};
      p.title = "Hỗ trợ đánh giá sản xuất sạch hơn cho cơ sở " + std::string(craft.industry) +
                " tại " + place;
    } else if (s.family == "intl") {
      p.implementing_org_id = national_[static_cast<size_t>(i) % 3];
      p.outputs = {{"study_tour", 1}};
      p.title = "Hợp tác quốc tế về khuyến công: khảo sát học tập kinh nghiệm phát triển " +
                std::string(craft.industry);
    } else {
      p.implementing_org_id = national_[3 + static_cast<size_t>(i) % 4];
      p.outputs = {{"training_course", rng_.between(1, 2)}};
      p.title = std::string(rng_.pick(dn::capacity_topics())) + " năm " + std::to_string(year_);
    }
    for (int b = 0; b < beneficiaries; ++b) {
      auto id = facility(pr, craft);
      if (!id) return std::unexpected(id.error());
      p.beneficiary_ids.push_back(*id);
    }
    // Priority flags are not typed: saving the project computes them (app/priority_flags.h).
    int start_month = static_cast<int>(rng_.between(3, 6));
    p.start = {year_, start_month, static_cast<int>(rng_.between(1, 28))};
    p.end = {year_, static_cast<int>(rng_.between(start_month + 4, 12)),
             static_cast<int>(rng_.between(1, 28))};
    // The 2019 round's point projects run over two years: planned in yearly tranches.
    if (p.kind == "point" && year_ == 2019) p.end.year = year_ + 1;
    return p;
  }

  // From the 2019 round on, proposals go through the workflow, whose submission holds them to
  // the support ceilings (data/rules.csv): machinery at most 450 million đồng per facility
  // (a technology line, TT 28/2018). What a machinery proposal asks above it goes, in whole
  // millions, to the proposals of contents without a ceiling, so that the round's total stays.
  static void hold_to_facility_ceiling(std::vector<Project>& ps) {
    constexpr Vnd kPerFacility = 450'000'000, kMillion = 1'000'000;
    Vnd excess = 0;
    std::vector<Project*> open;
    for (auto& p : ps) {
      bool machinery = std::any_of(p.outputs.begin(), p.outputs.end(), [](const ProjectOutput& o) {
        return o.indicator == "facility_tech_machinery";
      });
      Vnd cap = kPerFacility * std::max<Vnd>(1, static_cast<Vnd>(p.beneficiary_ids.size()));
      if (machinery && p.requested_vnd > cap)
        excess += p.requested_vnd - cap, p.requested_vnd = cap;
      if (p.content_code != "ND45-03") open.push_back(&p);
    }
    if (open.empty()) return;
    Vnd each = excess / static_cast<Vnd>(open.size()) / kMillion * kMillion;
    for (auto* p : open) p->requested_vnd += each, excess -= each;
    open.front()->requested_vnd += excess;
  }

  // requested_vnd proportional to weights, in whole millions, summing exactly to budget.
  void assign_money(std::vector<Project>& ps, const std::vector<std::int64_t>& weights,
                    Vnd budget) {
    std::int64_t wsum = 0;
    for (auto w : weights) wsum += w;
    constexpr Vnd kMillion = 1'000'000;
    Vnd assigned = 0;
    for (size_t i = 0; i < ps.size(); ++i) {
      Vnd amount =
          budget > 0 ? (budget / kMillion * weights[i] / wsum) * kMillion : weights[i] * kMillion;
      ps[i].requested_vnd = amount;
      assigned += amount;
    }
    if (budget > 0)
      ps.back().requested_vnd += budget - assigned;  // the last project takes the rounding
    if (year_ >= 2019) hold_to_facility_ceiling(ps);
    for (auto& p : ps) {
      auto has = [&](const char* indicator) {
        return std::any_of(p.outputs.begin(), p.outputs.end(),
                           [&](const ProjectOutput& o) { return o.indicator == indicator; });
      };
      // Models: the program pays at most 30 %; machinery 50 %; other work mostly program-funded.
      if (has("demo_model"))  // rounded up from the 2019 round on, so that 30 % holds exactly
        p.counterpart_vnd =
            (p.requested_vnd * 7 / 3 + (year_ >= 2019 ? kMillion - 1 : 0)) / kMillion * kMillion;
      else if (has("facility_tech_machinery"))
        p.counterpart_vnd = p.requested_vnd;
      else
        p.counterpart_vnd = p.requested_vnd * rng_.between(10, 40) / 100 / kMillion * kMillion;
      p.total_vnd = p.requested_vnd + p.counterpart_vnd;
      // From the 2019 round on, proposals go through the workflow, whose submission holds
      // them to the support ceilings (data/rules.csv: 1 billion đồng per demonstration
      // model since TT 28/2018): a large model project builds as many models as its amount
      // needs. The 2018 records are historical and keep the public record's 34 models.
      constexpr Vnd kModelCeiling = 1'000'000'000;
      if (year_ >= 2019)
        for (auto& o : p.outputs)
          if (o.indicator == "demo_model")
            o.quantity =
                std::max(o.quantity, (p.requested_vnd + kModelCeiling - 1) / kModelCeiling);
    }
  }

  store::Connection& db_;
  Actor actor_ = Actor::system("demo");
  int year_ = 0;
  std::int64_t program_id_ = 0;
  std::string prefix_ = "KCQG", only_province_;
  Rng rng_;
  std::vector<Province> provinces_;
  std::map<std::string, std::int64_t> center_, department_;
  std::vector<std::int64_t> national_;

  std::int64_t facilities_ = 0;
  size_t cursor_ = 0;
};

std::vector<Spec> specs_2018(const DemoTargets2018& t) {
  int fixed = t.demo_models + 60 + 25 + 3 + t.ccn_detailed_plans + t.ccn_infrastructure + 40 + 20 +
              30 + 10 + 5;
  return {{"ND45-03", "model", t.demo_models, 500, 1000},
          {"ND45-03", "machinery", 60, 300, 900},
          {"ND45-04", "fair", 25, 300, 800},
          {"ND45-04", "selection", 3, 1200, 2000},
          {"ND45-06", "ccn_plan", t.ccn_detailed_plans, 400, 800},
          {"ND45-06", "ccn_infra", t.ccn_infrastructure, 1500, 3000},
          {"ND45-01", "training", 40, 150, 400},
          {"ND45-02", "management", 20, 100, 300},
          {"ND45-05", "info", 30, 100, 500},
          {"ND45-07", "cleaner", 10, 200, 500},
          {"ND45-08", "intl", 5, 300, 700},
          {"ND45-09", "capacity", t.projects - fixed, 100, 400}};
}

// The national programme of a year, or (with a province) that province's local programme.
Result<std::int64_t> program(store::Connection& db, int year, Vnd budget,
                             const std::string& province = "", const std::string& place = "") {
  Program p;
  p.code = "KCQG-" + std::to_string(year), p.level = "KCQG", p.year = year, p.budget_vnd = budget;
  p.name = "Kế hoạch khuyến công quốc gia năm " + std::to_string(year);
  if (!province.empty()) {
    p.code = "KCDP-" + std::to_string(year) + "-" + province, p.level = "KCDP";
    p.province = ProvinceRef{"2008", province};
    p.name = "Kế hoạch khuyến công địa phương " + place + " năm " + std::to_string(year);
  }
  auto id = store::insert_program(db, p);
  if (!id) return id;
  p.id = *id, p.version = 1;
  if (auto s = audit(db, Actor::system("demo"), "programs", *id, "create", nullptr, to_json(p)); !s)
    return std::unexpected(s.error());
  return id;
}

}  // namespace

Result<DemoReport> build_demo(store::Connection& db, const DemoTargets2018& targets,
                              const std::function<void(std::size_t, std::size_t)>& progress) {
  auto tx = store::Transaction::write(db);
  if (!tx) return std::unexpected(tx.error());
  auto existing = store::count_projects(db);
  if (!existing) return std::unexpected(existing.error());
  if (*existing > 0)
    return std::unexpected(
        Error::invalid("the register already has projects; use a new database for the demo"));
  DemoReport report;
  auto p2018 = program(db, 2018, targets.budget_vnd);
  auto p2019 = program(db, 2019, 125'000'000'000);
  if (!p2018 || !p2019) return std::unexpected(!p2018 ? p2018.error() : p2019.error());
  report.programs = 2;
  report.program_2019 = *p2019;

  Builder b(db);
  if (auto s = b.load_provinces(); !s) return std::unexpected(s.error());
  if (auto s = b.create_organizations(report); !s) return std::unexpected(s.error());
  b.start_round(2018, *p2018);
  if (auto s = b.create_projects(specs_2018(targets), "approved", targets.budget_vnd, targets,
                                 report, progress);
      !s)
    return std::unexpected(s.error());
  if (auto s = demo_decisions_2018(db, *p2018); !s) return std::unexpected(s.error());
  if (auto s = demo_group_splits(db, *p2018); !s) return std::unexpected(s.error());
  if (auto s = demo_execution_done(db, *p2018, targets.accepted_vnd); !s)
    return std::unexpected(s.error());
  if (auto s = demo_fairs(db, *p2018); !s) return std::unexpected(s.error());
  if (auto s = demo_products(db, *p2018); !s) return std::unexpected(s.error());
  if (auto s = demo_clusters(db, *p2018); !s) return std::unexpected(s.error());
  if (auto s = demo_chains(db); !s) return std::unexpected(s.error());
  // The 2019 round: proposals registered as drafts, with requests above the budget; the
  // appraisal runs them through the workflow afterwards (app/demo_appraisal.h).
  DemoReport r2019;
  b.start_round(2019, *p2019);
  DemoTargets2018 t2019{0, 0, 0, 120, 1500, 200, 0, 0};
  std::vector<Spec> round{
      {"ND45-03", "model", 30, 500, 1000}, {"ND45-03", "machinery", 45, 300, 900},
      {"ND45-04", "fair", 20, 300, 800},   {"ND45-01", "training", 35, 150, 400},
      {"ND45-05", "info", 15, 100, 500},   {"ND45-07", "cleaner", 10, 200, 500}};
  // Proposals ask for more than the envelope: the plan builder will have to choose.
  constexpr Vnd kRequested2019 = 210'000'000'000;
  if (auto s = b.create_projects(round, "draft", kRequested2019, t2019, r2019, {}); !s)
    return std::unexpected(s.error());
  report.projects += r2019.projects;
  // A local programme (KCĐP) of Hải Phòng for 2018, planned and decided by the city: the
  // ministry's roll-up shows it beside the national plan.
  auto local = program(db, 2018, 5'000'000'000, "31", "thành phố Hải Phòng");
  if (!local) return std::unexpected(local.error());
  ++report.programs;
  DemoReport local_report;
  b.start_round(2018, *local, "KCDP-31", "31");
  std::vector<Spec> local_round{{"ND45-03", "model", 3, 500, 1000},
                                {"ND45-03", "machinery", 5, 300, 900},
                                {"ND45-01", "training", 4, 150, 400}};
  DemoTargets2018 t_local{0, 0, 0, 15, 0, 0, 0, 0};  // 15 facilities helped with machinery
  if (auto s = b.create_projects(local_round, "approved", 5'000'000'000, t_local, local_report, {});
      !s)
    return std::unexpected(s.error());
  if (auto s = demo_local_decision(db, *local); !s) return std::unexpected(s.error());
  if (auto s = demo_execution_running(db, *local); !s) return std::unexpected(s.error());
  report.projects += local_report.projects;
  report.facilities = local_report.facilities;
  if (auto c = tx->commit(); !c) return std::unexpected(c.error());
  return report;
}

}  // namespace kc::app
