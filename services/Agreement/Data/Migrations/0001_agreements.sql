-- One row per application; the same row becomes the agreement once ICE signs.
CREATE SEQUENCE agreement_reference_numbers;

CREATE TABLE agreements (
    id                      uuid PRIMARY KEY,
    reference_number        text NOT NULL UNIQUE,
    -- A copy of the agency as the registry gives it, kept current by AgencyUpdated events (agency_version orders them).
    agency_id               uuid NOT NULL,
    agency_name             text NOT NULL,
    agency_sort_name        text NOT NULL,
    state                   char(2) NOT NULL,
    agency_type             text NOT NULL,
    county                  text,
    contact_name            text,
    contact_email           text,
    agency_version          bigint NOT NULL,
    model                   text NOT NULL,
    status                  text NOT NULL,
    status_reason           text,
    submitted_at            timestamptz NOT NULL,
    letter_of_interest      jsonb,
    agency_signed_moa       jsonb,
    ice_signer_name         text,
    ice_signer_title        text,
    ice_signed_on           date,
    active_from             date,
    termination             jsonb,
    superseded_by           uuid,
    supersedes              uuid,
    -- Links ICE publishes (MOA PDF, addendum PDF); empty while "link pending".
    moa_url                 text,
    addendum_url            text,
    source                  text NOT NULL,
    updated_at              timestamptz NOT NULL,
    version                 bigint NOT NULL DEFAULT 1
);

-- One open application or live agreement per agency and model: the database decides, so two concurrent
-- applications cannot both win.
CREATE UNIQUE INDEX agreements_one_open_per_agency_model ON agreements (agency_id, model)
    WHERE status IN ('pending', 'active', 'suspended');
CREATE INDEX agreements_agency ON agreements (agency_id);

-- Submitted documents, stored once by content hash whoever submits them.
CREATE TABLE documents (
    sha256      text PRIMARY KEY,
    data        bytea NOT NULL,
    stored_at   timestamptz NOT NULL
);

CREATE TABLE addenda (
    id            uuid PRIMARY KEY,
    agreement_id  uuid NOT NULL REFERENCES agreements (id),
    description   text NOT NULL,
    document      jsonb NOT NULL,
    recorded_at   timestamptz NOT NULL
);
CREATE INDEX addenda_agreement ON addenda (agreement_id, recorded_at);

-- Every transition, with who and when: the history GetAgreementHistory returns.
CREATE TABLE transitions (
    agreement_id  uuid NOT NULL REFERENCES agreements (id),
    seq           int NOT NULL,
    from_status   text,
    to_status     text NOT NULL,
    action        text NOT NULL,
    effective_at  timestamptz NOT NULL,
    recorded_at   timestamptz NOT NULL,
    actor         text NOT NULL,
    actor_role    text NOT NULL,
    note          text,
    PRIMARY KEY (agreement_id, seq)
);

-- The status each agreement had over time, as half-open ranges [from, to): the lists "as of" any moment read these.
-- Derived from the transitions in the same transaction.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE status_periods (
    agreement_id  uuid NOT NULL REFERENCES agreements (id),
    status        text NOT NULL,
    valid         tstzrange NOT NULL,
    CONSTRAINT status_periods_no_overlap EXCLUDE USING gist (agreement_id WITH =, valid WITH &&)
);
CREATE INDEX status_periods_status_valid ON status_periods USING gist (status, valid);

-- The statistics ledger: +1 when a period of a counted kind opens, -1 when it closes, at the moment it does.
-- The count of any series at time T is the sum of its deltas at or before T. Deltas commute, so changes recorded
-- out of time order (an import with past dates, a termination effective later) need no rewriting.
-- series: 'active', 'pending', 'suspended' per (model, state); 'agency' per (model, state) for agencies with at
-- least one agreement of the model in force, and with model '*' for any model (an agency with two counts once).
CREATE TABLE ledger_entries (
    series  text NOT NULL,
    model   text NOT NULL,
    state   char(2) NOT NULL,
    at      timestamptz NOT NULL,
    delta   int NOT NULL
);
CREATE INDEX ledger_entries_at ON ledger_entries (at);

-- The same deltas summed per calendar month (UTC): GetStatistics adds the months before the one asked about to the
-- entries of that month, so its cost follows the number of months, models and states, not of agreements.
CREATE TABLE ledger_months (
    series  text NOT NULL,
    model   text NOT NULL,
    state   char(2) NOT NULL,
    month   date NOT NULL,
    delta   bigint NOT NULL,
    PRIMARY KEY (series, model, state, month)
);

-- The spans during which an agency had at least one agreement in force, per agency: recomputed whenever one of its
-- agreements' active periods changes, and mirrored into the ledger's 'agency' series.
-- model is the agreement's model, or '*' for any model.
CREATE TABLE agency_participation (
    agency_id  uuid NOT NULL,
    model      text NOT NULL,
    state      char(2) NOT NULL,
    valid      tstzrange NOT NULL
);
CREATE INDEX agency_participation_agency ON agency_participation (agency_id, model);
