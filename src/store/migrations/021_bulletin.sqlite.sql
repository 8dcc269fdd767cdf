-- sqlite: the public bulletin's articles and their photos. An article is public when it is
-- published and its publish_at (ISO 8601 UTC) has come: one published for later is scheduled.
-- body_md is Markdown, rendered and sanitized when shown (documents/markdown.h). A photo's
-- bytes are stored content-addressed beside the database (store/files.h), by their SHA-256.
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  body_md TEXT NOT NULL,
  published BIGINT NOT NULL,
  publish_at TEXT,
  cover_image_id BIGINT,
  search_text TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (published = 0 OR publish_at IS NOT NULL)
);
CREATE INDEX articles_public ON articles (published, publish_at);

CREATE TABLE article_images (
  id INTEGER PRIMARY KEY,
  article_id BIGINT NOT NULL REFERENCES articles(id),
  sha256 TEXT NOT NULL,
  kind TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  caption TEXT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX article_images_article ON article_images (article_id);
