-- Optimistic concurrency for UpdateAgency.
ALTER TABLE agencies ADD COLUMN version bigint NOT NULL DEFAULT 1;

-- Keyset paging of ListAgencies walks (normalized_name, id).
CREATE INDEX agencies_normalized_name_id ON agencies (normalized_name, id);

-- SearchAgencies: trigram similarity tolerates the misspellings and variants in ICE's sheets.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX agencies_normalized_name_trgm ON agencies USING gin (normalized_name gin_trgm_ops);
