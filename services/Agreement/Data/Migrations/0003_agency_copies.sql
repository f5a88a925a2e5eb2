-- The agencies as this service last heard of them: from the Agency service's AgencyRegistered and AgencyUpdated events
-- (the version orders them: an older one changes nothing) and from its answers to GetAgency. SubmitApplication takes
-- an agency from here and asks the Agency service only about one it has not heard of yet.
CREATE TABLE agencies (
    agency_id      uuid PRIMARY KEY,
    name           text NOT NULL,
    state          char(2) NOT NULL,
    -- ICE's TYPE text, as the agreements' copies hold it.
    type           text NOT NULL,
    county         text,
    contact_name   text,
    contact_email  text,
    version        bigint NOT NULL
);

-- What the agreements already hold of their agencies, newest version of each.
INSERT INTO agencies (agency_id, name, state, type, county, contact_name, contact_email, version)
SELECT DISTINCT ON (agency_id) agency_id, agency_name, state, agency_type, county, contact_name, contact_email, agency_version
FROM agreements
ORDER BY agency_id, agency_version DESC;
