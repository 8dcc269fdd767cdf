-- sqlite: a proposal's attachments (the dossier's PDF, DOCX, XLSX, JPEG and PNG files). The bytes
-- are stored content-addressed beside the database (store/files.h), named by their SHA-256;
-- the same file attached twice is stored once.
CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES projects(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('pdf', 'docx', 'xlsx', 'jpeg', 'png')),
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX attachments_project ON attachments (project_id);
