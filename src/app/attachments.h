#pragma once
// A proposal's dossier attachments: PDF, DOCX, XLSX, JPEG and PNG files, their type sniffed
// from the bytes (never the name), at most the dated setting `attachment_max_bytes` each,
// stored content-addressed beside the database (store/files.h). Whoever may edit the proposal
// adds and removes them; whoever may read it lists and downloads them.
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "app/policy.h"
#include "store/attachment_repo.h"
#include "store/db.h"

namespace kc::app {

// "pdf", "docx", "xlsx", "jpeg", "png", or nullopt for anything else (an executable, a ZIP
// that is neither a Word nor an Excel file, a text file named .pdf).
std::optional<std::string> sniff_kind(std::string_view bytes);
std::string content_type_of(const std::string& kind);

Result<nlohmann::json> add_attachment(store::Connection& db, const Actor& a,
                                      const std::string& files, std::int64_t project_id,
                                      const std::string& name, std::string_view bytes);
Result<nlohmann::json> list_attachments(store::Connection& db, const Actor& a,
                                        std::int64_t project_id);
// The record of an attachment the actor may read (its bytes: store::file_path).
Result<store::Attachment> find_attachment(store::Connection& db, const Actor& a,
                                          std::int64_t project_id, std::int64_t id);
Status remove_attachment(store::Connection& db, const Actor& a, std::int64_t project_id,
                         std::int64_t id);

}  // namespace kc::app
