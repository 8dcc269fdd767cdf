#pragma once
// A proposal's attachments (migration 010): the records; the bytes are in store/files.h.
#include <string>
#include <vector>

#include "store/db.h"

namespace kc::store {

struct Attachment {
  std::int64_t id = 0, project_id = 0, size_bytes = 0, created_by = 0;
  std::string name, kind, sha256, created_at;
};

// Fills in a.id and a.created_at.
Status insert_attachment(Connection& db, Attachment& a);
Result<std::vector<Attachment>> project_attachments(Connection& db, std::int64_t project_id);
// not_found when the project has no such attachment.
Result<Attachment> get_attachment(Connection& db, std::int64_t project_id, std::int64_t id);
Status delete_attachment(Connection& db, std::int64_t id);

}  // namespace kc::store
