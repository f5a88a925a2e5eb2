-- Each state's list of the agencies its mandate names, as staff last loaded it (ReplaceCoveredAgencies). A row in
-- covered_agency_lists says a list is loaded, so that a state whose list is loaded and one whose list was never loaded
-- are told apart: only the second falls back to the registered agencies of the covered kinds.
CREATE TABLE covered_agency_lists (
    state       char(2) PRIMARY KEY,
    loaded_at   timestamptz NOT NULL
);

CREATE TABLE covered_agencies (
    state            char(2) NOT NULL REFERENCES covered_agency_lists (state) ON DELETE CASCADE,
    -- AgencyName.Normalize of the name: the key the Agency service's registry is unique on, so a covered agency
    -- matches at most one registered agency of the state.
    normalized_name  text NOT NULL,
    name             text NOT NULL,
    county           text,
    kind             text NOT NULL,
    PRIMARY KEY (state, normalized_name)
);
