-- Chat rooms (issue 4, XEP-0313 full-text search, PostgreSQL only): a GIN index over the archive's
-- text search vector. The expression is exactly the one JdbcRoomArchive queries with
-- (to_tsvector('simple', COALESCE(body, '')) @@ plainto_tsquery('simple', ?)), so the planner
-- can use it. H2 has no such index type; there the archive searches with LIKE (db/vendor/h2).

CREATE INDEX muc_messages_body_fts ON muc_messages USING GIN (to_tsvector('simple', COALESCE(body, '')));
