#include "app/attachments.h"

#include "app/audit.h"
#include "app/checks.h"
#include "app/projects.h"
#include "app/workflow.h"
#include "domain/text.h"
#include "store/files.h"
#include "store/reference_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

constexpr std::int64_t kDefaultMaxBytes = 20 << 20;  // when no rule is in force

json to_json(const store::Attachment& a) {
  return {{"id", a.id},
          {"project_id", a.project_id},
          {"name", a.name},
          {"kind", a.kind},
          {"size_bytes", a.size_bytes},
          {"sha256", a.sha256},
          {"created_at", a.created_at}};
}

// The proposal, when the actor may change its dossier.
Result<Project> editable(store::Connection& db, const Actor& a, std::int64_t project_id) {
  if (!may(a, Permission::write_projects)) return std::unexpected(Error::forbidden());
  auto p = get_project(db, a, project_id);
  if (!p) return p;
  if (p->status == "cancelled" || !may_edit(a, *p))
    return std::unexpected(conflict(
        "past_registration", "the project is " + p->status + "; its dossier can no longer change"));
  return p;
}

Result<std::int64_t> max_bytes(store::Connection& db) {
  auto rule = store::rule_text(db, "attachment_max_bytes", vietnam_today_iso());
  if (!rule) return std::unexpected(rule.error());
  if (!*rule) return kDefaultMaxBytes;
  try {
    return std::stoll((*rule)->value);
  } catch (...) {
    return std::unexpected(Error::internal("the setting attachment_max_bytes is not a number"));
  }
}

}  // namespace

std::optional<std::string> sniff_kind(std::string_view b) {
  if (b.starts_with("%PDF-")) return "pdf";
  if (b.starts_with("\x89PNG\r\n\x1a\n")) return "png";
  if (b.starts_with("\xff\xd8\xff")) return "jpeg";
  if (b.starts_with(std::string_view("PK\x03\x04", 4))) {
    // An Office Open XML package names its main part in the ZIP's directory.
    if (b.find("word/document.xml") != std::string_view::npos) return "docx";
    if (b.find("xl/workbook.xml") != std::string_view::npos) return "xlsx";
  }
  return std::nullopt;
}

std::string content_type_of(const std::string& kind) {
  if (kind == "pdf") return "application/pdf";
  if (kind == "png") return "image/png";
  if (kind == "jpeg") return "image/jpeg";
  if (kind == "docx")
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (kind == "xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return "application/octet-stream";
}

Result<json> add_attachment(store::Connection& db, const Actor& a, const std::string& files,
                            std::int64_t project_id, const std::string& name,
                            std::string_view bytes) {
  std::vector<FieldError> errors;
  std::string clean = std::string(trim(name));
  if (clean.empty() || !is_valid_utf8(clean) || clean.size() > 255 ||
      clean.find_first_of("/\\") != std::string::npos)
    errors.push_back({"name", FieldCode::required});
  if (bytes.empty()) errors.push_back({"file", FieldCode::not_empty});
  auto kind = sniff_kind(bytes);
  if (!bytes.empty() && !kind)
    errors.push_back({"file", FieldCode::one_of, {{"allowed", "PDF, DOCX, XLSX, JPEG, PNG"}}});
  return in_write_tx(db, [&]() -> Result<json> {
    auto p = editable(db, a, project_id);
    if (!p) return std::unexpected(p.error());
    auto limit = max_bytes(db);
    if (!limit) return std::unexpected(limit.error());
    if (static_cast<std::int64_t>(bytes.size()) > *limit)
      errors.push_back({"file", FieldCode::too_large, {{"max", std::to_string(*limit)}}});
    if (auto f = fail_if_any(errors, "attachment"); !f) return std::unexpected(f.error());
    auto sha = store::put_file(files, bytes);
    if (!sha) return std::unexpected(sha.error());
    store::Attachment at;
    at.project_id = project_id, at.name = clean, at.kind = *kind;
    at.size_bytes = static_cast<std::int64_t>(bytes.size()), at.sha256 = *sha;
    at.created_by = a.user_id;
    if (auto s = store::insert_attachment(db, at); !s) return std::unexpected(s.error());
    json view = to_json(at);
    if (auto w = audit(db, a, "projects", project_id, "attach", nullptr, view); !w)
      return std::unexpected(w.error());
    return view;
  });
}

Result<json> list_attachments(store::Connection& db, const Actor& a, std::int64_t project_id) {
  auto p = get_project(db, a, project_id);
  if (!p) return std::unexpected(p.error());
  auto list = store::project_attachments(db, project_id);
  if (!list) return std::unexpected(list.error());
  json items = json::array();
  for (const auto& at : *list) items.push_back(to_json(at));
  return json{{"items", items}, {"total", items.size()}};
}

Result<store::Attachment> find_attachment(store::Connection& db, const Actor& a,
                                          std::int64_t project_id, std::int64_t id) {
  auto p = get_project(db, a, project_id);
  if (!p) return std::unexpected(p.error());
  return store::get_attachment(db, project_id, id);
}

Status remove_attachment(store::Connection& db, const Actor& a, std::int64_t project_id,
                         std::int64_t id) {
  return in_write_tx(db, [&]() -> Status {
    auto p = editable(db, a, project_id);
    if (!p) return std::unexpected(p.error());
    auto at = store::get_attachment(db, project_id, id);
    if (!at) return std::unexpected(at.error());
    if (auto s = store::delete_attachment(db, id); !s) return s;
    // The bytes stay: another record may name them, and the audit keeps their hash.
    return audit(db, a, "projects", project_id, "detach", to_json(*at), nullptr);
  });
}

}  // namespace kc::app
