-- Law enforcement agencies. One row per agency, whatever number of agreements it holds.
CREATE TABLE agencies (
    id               uuid PRIMARY KEY,
    name             text NOT NULL,
    -- Upper-cased, punctuation and repeated spaces folded: what "the same agency" means for duplicates.
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
    CONSTRAINT agencies_normalized_name_state_key UNIQUE (normalized_name, state)
);
