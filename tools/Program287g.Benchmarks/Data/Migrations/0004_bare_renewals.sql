-- The Agreement service's migration 0005 (services/Agreement/Data/Migrations/0005_renewals.sql) on this tool's copy
-- of its tables: the renewal columns and the two unique indexes that replace the one place per agency and model.
ALTER TABLE agreements ADD COLUMN renews uuid REFERENCES agreements (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE agreements ADD COLUMN listed_pending_at timestamptz;

DROP INDEX agreements_one_open_per_agency_model;
CREATE UNIQUE INDEX agreements_one_application_per_agency_model ON agreements (agency_id, model)
    WHERE status = 'pending';
CREATE UNIQUE INDEX agreements_one_in_force_per_agency_model ON agreements (agency_id, model)
    WHERE status IN ('active', 'suspended') OR (status = 'pending' AND renews IS NULL);
CREATE INDEX agreements_renews ON agreements (renews) WHERE renews IS NOT NULL;
