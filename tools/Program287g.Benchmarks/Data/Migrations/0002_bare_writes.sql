-- The tables the bare server writes: the Agency and Agreement services' own, column for column and index for index
-- (services/Agency/Data/Migrations, services/Agreement/Data/Migrations), so that the bare RPCs do the same database
-- work. The outbox is the shared one (messaging.0001). The messaging benchmark's database gets them too, unused.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE agencies (
    id               uuid PRIMARY KEY,
    name             text NOT NULL,
    normalized_name  text NOT NULL,
    state            char(2) NOT NULL,
    type             text NOT NULL,
    kind             text NOT NULL,
    county           text,
    agency_head      text,
    contact_name     text,
    contact_email    text,
    registered_at    timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    version          bigint NOT NULL DEFAULT 1,
    CONSTRAINT agencies_normalized_name_state_key UNIQUE (normalized_name, state)
);
CREATE INDEX agencies_normalized_name_id ON agencies (normalized_name, id);
CREATE INDEX agencies_normalized_name_trgm ON agencies USING gin (normalized_name gin_trgm_ops);

CREATE SEQUENCE agreement_reference_numbers;

CREATE TABLE agreements (
    id                      uuid PRIMARY KEY,
    reference_number        text NOT NULL UNIQUE,
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
    moa_url                 text,
    addendum_url            text,
    source                  text NOT NULL,
    updated_at              timestamptz NOT NULL,
    version                 bigint NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX agreements_one_open_per_agency_model ON agreements (agency_id, model)
    WHERE status IN ('pending', 'active', 'suspended');
CREATE INDEX agreements_agency ON agreements (agency_id);

CREATE TABLE documents (
    sha256      text PRIMARY KEY,
    data        bytea NOT NULL,
    stored_at   timestamptz NOT NULL
);

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

CREATE TABLE status_periods (
    agreement_id  uuid NOT NULL REFERENCES agreements (id),
    status        text NOT NULL,
    valid         tstzrange NOT NULL,
    CONSTRAINT status_periods_no_overlap EXCLUDE USING gist (agreement_id WITH =, valid WITH &&)
);
CREATE INDEX status_periods_status_valid ON status_periods USING gist (status, valid);

CREATE TABLE ledger_entries (
    series  text NOT NULL,
    model   text NOT NULL,
    state   char(2) NOT NULL,
    at      timestamptz NOT NULL,
    delta   int NOT NULL
);
CREATE INDEX ledger_entries_at ON ledger_entries (at);

CREATE TABLE ledger_months (
    series  text NOT NULL,
    model   text NOT NULL,
    state   char(2) NOT NULL,
    month   date NOT NULL,
    delta   bigint NOT NULL,
    PRIMARY KEY (series, model, state, month)
);
