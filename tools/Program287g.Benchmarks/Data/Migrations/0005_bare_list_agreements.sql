-- The Agreement service's migration 0006 (services/Agreement/Data/Migrations/0006_list_agreements.sql) on this tool's
-- copy of its tables: ListAgreements' two indexes in place of the one on agency_id, so bare inserts maintain the same.
CREATE INDEX agreements_newest ON agreements (submitted_at DESC, id DESC);
CREATE INDEX agreements_agency_newest ON agreements (agency_id, submitted_at DESC, id DESC);
DROP INDEX agreements_agency;
