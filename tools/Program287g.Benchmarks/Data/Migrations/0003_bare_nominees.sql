-- The Nominee service's tables (services/Nominee/Data/Migrations/0001_nominees.sql), column for column and index for
-- index, for the bare NominateOfficer; its agencies and agreements copies are renamed, since the Agency and Agreement
-- services' own tables (0002) already hold those names here.
-- The agencies and agreements nominees belong to, as this service last heard of them: filled at nomination from the
-- Agency and Agreement services, kept current by their events. Rows are never deleted.
CREATE TABLE nominee_agencies (
    agency_id      uuid PRIMARY KEY,
    name           text NOT NULL,
    state          char(2) NOT NULL,
    contact_name   text,
    contact_email  text,
    -- The Agency service's version: AgencyUpdated events apply only when newer.
    version        bigint NOT NULL
);

CREATE TABLE nominee_agreements (
    agreement_id      uuid PRIMARY KEY,
    agency_id         uuid NOT NULL REFERENCES nominee_agencies (agency_id),
    reference_number  text NOT NULL,
    model             text NOT NULL,
    status            text NOT NULL,
    -- When the status last changed, as the Agreement service reported it: an older report never overwrites a newer one,
    -- and 'terminated' and 'superseded' are final.
    status_at         timestamptz NOT NULL
);

CREATE SEQUENCE nominee_reference_numbers;
CREATE SEQUENCE authorization_numbers;

-- One row per nomination; the officer's authorization, once issued, is part of it. Personal data (date of birth,
-- citizenship, background results) lives here and is never written into SQL text: always parameters.
CREATE TABLE nominees (
    id                       uuid PRIMARY KEY,
    reference_number         text NOT NULL UNIQUE,
    agency_id                uuid NOT NULL REFERENCES nominee_agencies (agency_id),
    agreement_id             uuid NOT NULL REFERENCES nominee_agreements (agreement_id),
    model                    text NOT NULL,
    given_name               text NOT NULL,
    middle_name              text,
    family_name              text NOT NULL,
    -- upper(family, given, middle): the list order.
    sort_name                text NOT NULL,
    badge_number             text NOT NULL,
    -- The badge number as compared: trimmed, upper case.
    badge_key                text NOT NULL,
    date_of_birth            date NOT NULL,
    email                    text NOT NULL,
    phone                    text,
    us_citizen               boolean NOT NULL,
    first_sworn_on           date NOT NULL,
    attested_by              text NOT NULL,
    attested_title           text NOT NULL,
    attested_on              date NOT NULL,
    attests_jurisdiction     boolean NOT NULL,
    nominated_at             timestamptz NOT NULL,
    nominated_on             date NOT NULL,
    eligible                 boolean NOT NULL,
    ineligibility_reasons    text[] NOT NULL,
    status                   text NOT NULL,
    status_reason            text,
    background_started_on    date,
    background_passed        boolean,
    background_completed_on  date,
    course_id                text,
    training_starts_on       date,
    training_completed_on    date,
    certified_on             date,
    certified_by             text,
    certified_by_title       text,
    authorization_number     text UNIQUE,
    authorization_issued_on  date,
    issuing_office           text,
    refresher_due_on         date,
    expires_on               date,
    ends_on                  date,
    suspension_cause         text,
    authorization_status     text,
    updated_at               timestamptz NOT NULL,
    version                  bigint NOT NULL DEFAULT 1,
    -- Not in a final status (NomineeStatuses.Final): derived here once, so that no statement names the final statuses,
    -- and a background result never appears in the text of a query (which traces carry).
    is_open                  boolean GENERATED ALWAYS AS
        (status NOT IN ('ineligible', 'background_failed', 'dismissed', 'revoked', 'ended', 'withdrawn')) STORED
);

-- One open nomination per officer and agreement: the database decides, so two concurrent nominations cannot both win.
CREATE UNIQUE INDEX nominees_one_open_per_agreement_badge ON nominees (agreement_id, badge_key) WHERE is_open;
CREATE INDEX nominees_by_name ON nominees (sort_name, id);
CREATE INDEX nominees_agency_by_name ON nominees (agency_id, sort_name, id);
CREATE INDEX nominees_agreement ON nominees (agreement_id);
-- What the daily sweep looks at: authorizations with an end or a term that has not passed yet.
CREATE INDEX nominees_ends_on ON nominees (ends_on) WHERE ends_on IS NOT NULL AND status IN ('authorized', 'suspended', 'expired');
CREATE INDEX nominees_expires_on ON nominees (expires_on) WHERE expires_on IS NOT NULL AND status = 'authorized';

CREATE TABLE exam_attempts (
    nominee_id     uuid NOT NULL REFERENCES nominees (id),
    exam_id        text NOT NULL,
    attempt        int NOT NULL,
    score_percent  int NOT NULL,
    taken_on       date NOT NULL,
    recorded_at    timestamptz NOT NULL,
    PRIMARY KEY (nominee_id, exam_id, attempt)
);

-- Every step, with who and when: an officer's full history.
CREATE TABLE steps (
    nominee_id    uuid NOT NULL REFERENCES nominees (id),
    seq           int NOT NULL,
    from_status   text,
    to_status     text NOT NULL,
    action        text NOT NULL,
    effective_on  date NOT NULL,
    recorded_at   timestamptz NOT NULL,
    actor         text NOT NULL,
    actor_role    text NOT NULL,
    note          text,
    PRIMARY KEY (nominee_id, seq)
);
