#include "app/notifications.h"

#include "app/checks.h"
#include "app/json_reader.h"
#include "domain/notification.h"

namespace kc::app {

using nlohmann::json;

Result<std::int64_t> notify(store::Connection& db, store::ProjectsOf of, std::int64_t id,
                            bool department, const store::Notice& n, std::int64_t officer) {
  auto people = store::recipients(db, n.kind, of, id, department, officer);
  if (!people) return std::unexpected(people.error());
  std::int64_t given = 0;
  for (const auto& r : *people) {
    bool mail = r.by_email && !r.email.empty();
    if (!r.in_app && !mail) continue;
    auto nid = store::insert_notification(db, r.user_id, n, r.in_app);
    if (!nid) return std::unexpected(nid.error());
    if (*nid == 0) continue;  // given before
    ++given;
    if (!mail) continue;
    store::OutboxMail m;
    m.notification_id = *nid, m.to = r.email, m.subject = n.subject;
    m.body = n.body, m.link = n.link;
    m.next_attempt_at = store::now_utc();
    if (auto s = store::queue_mail(db, m); !s) return std::unexpected(s.error());
  }
  return given;
}

Status notify_returned(store::Connection& db, const Project& p, const std::string& reason) {
  store::Notice n{"proposal_returned", "Đề án " + p.code + " được trả lại để sửa",
                  "Đề án " + p.code + " — " + p.title + " được trả lại để sửa.\nLý do: " + reason,
                  "/projects/" + std::to_string(p.id),
                  "proposal_returned:" + std::to_string(p.id) + ":" + std::to_string(p.version)};
  if (auto r = notify(db, store::ProjectsOf::project, p.id, false, n); !r)
    return std::unexpected(r.error());
  return {};
}

Status notify_decision(store::Connection& db, const store::Decision& d) {
  auto day = parse_date(d.signed_on);
  std::string when = day ? " ngày " + to_vn(*day) : "";
  store::Notice n{"decision_approved", "Quyết định " + d.number + " đã được phê duyệt",
                  "Quyết định số " + d.number + when + " (" + d.reason + ") giao kinh phí cho " +
                      std::to_string(d.items.size()) +
                      " đề án, trong đó có đề án của đơn vị hoặc địa phương của bạn.",
                  "/plan", "decision_approved:" + std::to_string(d.id)};
  if (auto r = notify(db, store::ProjectsOf::decision, d.id, false, n); !r)
    return std::unexpected(r.error());
  return {};
}

Result<json> my_notifications(store::Connection& db, const Actor& a, bool unread_only) {
  if (!may(a, Permission::own_session)) return std::unexpected(Error::forbidden());
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto rows = store::user_notifications(db, a.user_id, unread_only, 50);
  if (!rows) return std::unexpected(rows.error());
  auto unread = store::unread_notifications(db, a.user_id);
  if (!unread) return std::unexpected(unread.error());
  json items = json::array();
  for (const auto& n : *rows)
    items.push_back({{"id", n.id},
                     {"kind", n.kind},
                     {"subject", n.subject},
                     {"body", n.body},
                     {"link", n.link},
                     {"created_at", n.created_at},
                     {"read", !n.read_at.empty()}});
  return json{{"items", items}, {"unread", *unread}};
}

Result<json> mark_read(store::Connection& db, const Actor& a, std::int64_t id) {
  if (!may(a, Permission::own_session)) return std::unexpected(Error::forbidden());
  return in_write_tx(db, [&]() -> Result<json> {
    auto marked = store::mark_notifications_read(db, a.user_id, id);
    if (!marked) return std::unexpected(marked.error());
    if (id != 0 && *marked == 0) {
      // Either someone else's, unknown, or read before: only the last is not an error.
      auto mine = store::notification_of(db, a.user_id, id);
      if (!mine) return std::unexpected(mine.error());
      if (!*mine) return std::unexpected(Error::not_found("notification not found"));
    }
    return json{{"marked", *marked}};
  });
}

Result<json> notification_settings(store::Connection& db, const Actor& a) {
  if (!may(a, Permission::own_session)) return std::unexpected(Error::forbidden());
  auto email = store::user_email(db, a.user_id);
  if (!email) return std::unexpected(email.error());
  auto stored = store::notification_choices(db, a.user_id);
  if (!stored) return std::unexpected(stored.error());
  json choices = json::array();
  for (auto kind : kNotificationKinds) {
    store::NotificationChoice c{std::string(kind)};
    for (const auto& s : *stored)
      if (s.kind == kind) c = s;
    choices.push_back({{"kind", c.kind}, {"in_app", c.in_app}, {"email", c.by_email}});
  }
  return json{{"email", *email}, {"choices", choices}};
}

Result<json> save_notification_settings(store::Connection& db, const Actor& a, const json& body) {
  if (!may(a, Permission::own_session)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  JsonReader r(body, "", errors);
  std::string email = r.text("email", false);
  if (!email.empty() && !is_email_address(email)) r.error("email", FieldCode::email_format);
  std::vector<store::NotificationChoice> choices;
  if (const json* list = r.array("choices", true)) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      JsonReader item((*list)[i], "choices/" + std::to_string(i) + "/", errors);
      if (!item.is_object()) continue;
      store::NotificationChoice c{item.text("kind", true)};
      c.in_app = item.boolean("in_app");
      c.by_email = item.boolean("email");
      item.finish();
      bool twice = false;
      for (const auto& o : choices) twice = twice || o.kind == c.kind;
      if (!c.kind.empty() && !is_notification_kind(c.kind)) {
        std::string names;
        for (auto k : kNotificationKinds) names += (names.empty() ? "" : ", ") + std::string(k);
        item.error("kind", FieldCode::one_of, {{"allowed", names}});
      } else if (twice) {
        item.error("kind", FieldCode::listed_twice);
      }
      choices.push_back(std::move(c));
    }
  }
  r.finish();
  if (auto f = fail_if_any(std::move(errors), "notification settings"); !f)
    return std::unexpected(f.error());
  return in_write_tx(db, [&]() -> Result<json> {
    if (auto s = store::save_notification_choices(db, a.user_id, email, choices); !s)
      return std::unexpected(s.error());
    return notification_settings(db, a);  // as stored, before the commit
  });
}

Result<json> mail_outbox_json(store::Connection& db, const Actor& a, const std::string& status) {
  if (!may(a, Permission::manage_users)) return std::unexpected(Error::forbidden());
  if (!status.empty() && status != "pending" && status != "sent" && status != "failed")
    return std::unexpected(Error::invalid(
        "unknown status", {{"status", FieldCode::one_of, {{"allowed", "pending, sent, failed"}}}}));
  auto rows = store::latest_mail(db, status, 100);
  if (!rows) return std::unexpected(rows.error());
  json items = json::array();
  for (const auto& m : *rows)
    items.push_back({{"id", m.id},
                     {"to", m.to},
                     {"subject", m.subject},
                     {"status", m.status},
                     {"attempts", m.attempts},
                     {"next_attempt_at", m.next_attempt_at},
                     {"last_error", m.last_error},
                     {"created_at", m.created_at},
                     {"sent_at", m.sent_at}});
  return json{{"items", items}};
}

}  // namespace kc::app
