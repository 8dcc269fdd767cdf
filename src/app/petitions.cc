#include "app/petitions.h"

#include "app/audit.h"
#include "app/checks.h"
#include "app/codec.h"
#include "app/json_reader.h"
#include "app/workflow.h"
#include "domain/date.h"
#include "store/account_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

json petition_view(const store::Petition& p, const std::string& today) {
  auto opt = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  return {{"id", p.id},
          {"province_2025", p.province_2025},
          {"title", p.title},
          {"body", p.body},
          {"status", p.status},
          {"filed_by_name", p.filed_by_name},
          {"filed_on", p.filed_on},
          {"due_on", p.due_on},
          {"overdue", p.status != "answered" && p.due_on < today},
          {"assignee_id", p.assignee_id ? json(*p.assignee_id) : json(nullptr)},
          {"assignee_name", opt(p.assignee_name)},
          {"answer", opt(p.answer)},
          {"answered_on", opt(p.answered_on)},
          {"published", p.published},
          {"version", p.version}};
}

// The petition as the actor may see it: a province only its own.
Result<store::Petition> readable(store::Connection& db, const Actor& a, std::int64_t id) {
  if (!may(a, Permission::read_petitions)) return std::unexpected(Error::forbidden());
  auto p = store::get_petition(db, id);
  if (!p) return p;
  Scope s = place_scope(a);
  if (s.none || (!s.all && !s.province_2025.empty() && p->province_2025 != s.province_2025))
    return std::unexpected(Error::not_found("petition not found"));
  return p;
}

// Reads the version and runs `change` on the stored petition, then writes and audits it.
template <class Change>
Result<json> change_petition(store::Connection& db, const Actor& a, std::int64_t id,
                             const json& body, const char* action, Change&& change) {
  if (!may(a, Permission::answer_petitions)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  JsonReader r(body, "", errors);
  auto version = r.integer("version", true);
  return in_write_tx(db, [&]() -> Result<json> {
    auto p = readable(db, a, id);
    if (!p) return std::unexpected(p.error());
    json before = petition_view(*p, vietnam_today_iso());
    if (auto s = change(*p, r, errors); !s) return std::unexpected(s.error());
    r.finish();
    if (auto s = fail_if_any(std::move(errors), "petition"); !s) return std::unexpected(s.error());
    p->version = version.value_or(0);
    if (auto s = store::update_petition(db, *p); !s) return std::unexpected(s.error());
    auto stored = store::get_petition(db, id);
    if (!stored) return std::unexpected(stored.error());
    json view = petition_view(*stored, vietnam_today_iso());
    if (auto s = audit(db, a, "petitions", id, action, before, view); !s)
      return std::unexpected(s.error());
    return view;
  });
}

}  // namespace

Result<json> list_petitions(store::Connection& db, const Actor& a, ListQuery q) {
  if (!may(a, Permission::read_petitions)) return std::unexpected(Error::forbidden());
  apply_scope(q, place_scope(a));
  const std::string now = vietnam_today_iso();
  auto page = store::list_petitions(db, q, now);
  if (!page) return std::unexpected(page.error());
  return page_json(*page, [&](const store::Petition& p) { return petition_view(p, now); });
}

Result<json> petition_json(store::Connection& db, const Actor& a, std::int64_t id) {
  auto p = readable(db, a, id);
  if (!p) return std::unexpected(p.error());
  return petition_view(*p, vietnam_today_iso());
}

Result<json> file_petition(store::Connection& db, const Actor& a, const json& body) {
  if (!may(a, Permission::file_petitions)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  JsonReader r(body, "", errors);
  store::Petition p;
  p.title = r.filled_text("title");
  p.body = r.filled_lines("body");
  r.finish();
  if (p.title.size() > 300) errors.push_back({"title", FieldCode::too_long, {{"max", "300"}}});
  if (p.body.size() > 20000) errors.push_back({"body", FieldCode::too_long, {{"max", "20000"}}});
  if (a.province_2025.empty()) errors.push_back({"province", FieldCode::no_province});
  return in_write_tx(db, [&]() -> Result<json> {
    if (auto s = fail_if_any(std::move(errors), "petition"); !s) return std::unexpected(s.error());
    const Date on = vietnam_today();
    auto days = dated_setting(db, "petition_answer_days", on, 30);
    if (!days) return std::unexpected(days.error());
    p.province_2025 = a.province_2025, p.filed_by = a.user_id, p.filed_on = to_iso(on);
    p.due_on = to_iso(add_days(on, static_cast<int>(*days)));
    auto id = store::insert_petition(db, p);
    if (!id) return std::unexpected(id.error());
    auto stored = store::get_petition(db, *id);
    if (!stored) return std::unexpected(stored.error());
    json view = petition_view(*stored, vietnam_today_iso());
    if (auto s = audit(db, a, "petitions", *id, "create", nullptr, view); !s)
      return std::unexpected(s.error());
    return view;
  });
}

Result<json> assign_petition(store::Connection& db, const Actor& a, std::int64_t id,
                             const json& body) {
  return change_petition(
      db, a, id, body, "assign",
      [&](store::Petition& p, JsonReader& r, std::vector<FieldError>& errors) -> Status {
        std::int64_t who = a.user_id;
        if (r.has("assignee_id")) who = r.integer("assignee_id", true).value_or(0);
        auto user = store::get_user(db, who);
        if (!user && user.error().kind != ErrorKind::not_found)
          return std::unexpected(user.error());
        if (!user || user->disabled || user->role != "department")
          errors.push_back({"assignee_id", FieldCode::not_officer});
        if (p.status == "answered") errors.push_back({"status", FieldCode::not_in_stage});
        p.assignee_id = who;
        p.status = "assigned";
        return {};
      });
}

Result<json> answer_petition(store::Connection& db, const Actor& a, std::int64_t id,
                             const json& body) {
  return change_petition(
      db, a, id, body, "answer",
      [&](store::Petition& p, JsonReader& r, std::vector<FieldError>&) -> Status {
        p.answer = r.filled_lines("answer");
        p.published = r.boolean("published");
        if (!p.assignee_id && a.user_id) p.assignee_id = a.user_id;
        p.status = "answered";
        p.answered_by = a.user_id;
        p.answered_on = vietnam_today_iso();
        return {};
      });
}

Result<Page<store::Petition>> published_petitions(store::Connection& db, int page, int page_size) {
  return store::published_petitions(db, page, page_size);
}

}  // namespace kc::app
