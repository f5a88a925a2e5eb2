-- ListAgreements: newest submitted first, for one agency or for all. Either index gives a page in order without a
-- sort, whatever else filters it (statuses, model, state: a few thousand agreements at most).
CREATE INDEX agreements_newest ON agreements (submitted_at DESC, id DESC);
-- Leads with agency_id, so it also serves every lookup the index on agency_id alone did.
CREATE INDEX agreements_agency_newest ON agreements (agency_id, submitted_at DESC, id DESC);
DROP INDEX agreements_agency;
