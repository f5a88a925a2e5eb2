-- Renewals: an application to re-sign an agreement in force. ICE lists such an agency as participating and as pending
-- under the same model at once; when ICE signs the renewal it supersedes the agreement it renews.
-- renews: the agreement the application will supersede once signed (kept after signing, as history). Deferred, so that
-- an application and the agreement it turns out to renew can be written in one transaction in either order.
ALTER TABLE agreements ADD COLUMN renews uuid REFERENCES agreements (id) DEFERRABLE INITIALLY DEFERRED;
-- The latest "as of" moment of an ICE pending list that showed the application pending: ICE had not signed it by then,
-- so a participating list of that day or earlier that shows the agency signed shows the agreement it renews.
ALTER TABLE agreements ADD COLUMN listed_pending_at timestamptz;

UPDATE agreements SET listed_pending_at = submitted_at WHERE source = 'ice-list-import' AND status = 'pending';

-- The one place per agency and model becomes two: one open application (a first one or a renewal), and one agreement
-- in force or first application. A renewal stands beside the agreement in force; a first application does not.
DROP INDEX agreements_one_open_per_agency_model;
CREATE UNIQUE INDEX agreements_one_application_per_agency_model ON agreements (agency_id, model)
    WHERE status = 'pending';
CREATE UNIQUE INDEX agreements_one_in_force_per_agency_model ON agreements (agency_id, model)
    WHERE status IN ('active', 'suspended') OR (status = 'pending' AND renews IS NULL);
CREATE INDEX agreements_renews ON agreements (renews) WHERE renews IS NOT NULL;
