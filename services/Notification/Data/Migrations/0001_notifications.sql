-- Days the government closed beyond weekends and the federal holidays (executive orders). Staff add and remove them;
-- due times are computed from the calendar as it stands.
CREATE TABLE closures (
    day       date PRIMARY KEY,
    reason    text NOT NULL,
    added_by  text NOT NULL,
    added_at  timestamptz NOT NULL
);
INSERT INTO closures (day, reason, added_by, added_at) VALUES
    ('2025-01-09', 'Executive order: national day of mourning for President Jimmy Carter', 'migration', '2025-01-01T00:00:00Z'),
    ('2025-12-24', 'Executive order: federal offices closed on Christmas Eve', 'migration', '2025-12-01T00:00:00Z'),
    ('2025-12-26', 'Executive order: federal offices closed the day after Christmas', 'migration', '2025-12-01T00:00:00Z');

-- Inquiries to the program: each is due an answer one business day after it was received.
CREATE SEQUENCE inquiry_reference_numbers;
CREATE TABLE inquiries (
    id                uuid PRIMARY KEY,
    reference_number  text NOT NULL UNIQUE,
    -- A caller's retry key: one inquiry, and one acknowledgment, however often the call is repeated.
    request_id        uuid UNIQUE,
    inquirer_name     text NOT NULL,
    contact_email     text NOT NULL,
    subject           text NOT NULL,
    body              text NOT NULL,
    agency_id         uuid,
    submitted_by      text NOT NULL,
    received_at       timestamptz NOT NULL,
    due_at            timestamptz NOT NULL,
    answered_at       timestamptz,
    answered_by       text,
    answer            text
);
CREATE INDEX inquiries_received ON inquiries (received_at, id);
CREATE INDEX inquiries_open_due ON inquiries (due_at) WHERE answered_at IS NULL;
CREATE INDEX inquiries_agency ON inquiries (agency_id, received_at, id);
CREATE INDEX inquiries_due ON inquiries (due_at);

-- Every acknowledgment and notice, from the moment what it answers arrived: the record the SLA is read from, and the
-- sender's queue. One row per source and kind: the source is the event's message id (the bus's redelivery key) or the
-- inquiry's id, so a redelivered event, even one the inbox has forgotten, cannot make a second email.
CREATE TABLE notifications (
    id                  uuid PRIMARY KEY,
    kind                text NOT NULL,
    source_id           uuid NOT NULL,
    reference_number    text NOT NULL,
    agency_id           uuid,
    recipient_name      text,
    recipient_email     text,
    -- pending, sent, undeliverable (nobody to send to), not-required (history from ICE's lists)
    status              text NOT NULL,
    status_reason       text,
    received_at         timestamptz NOT NULL,
    -- One business day after received_at; null when nothing is owed.
    due_at              timestamptz,
    sent_at             timestamptz,
    -- The kind's template values (JSON); the email is rendered from them when it is sent.
    details             jsonb NOT NULL,
    -- The email's Message-ID: fixed when the row is made, the same on every attempt.
    message_id          text NOT NULL UNIQUE,
    -- Sending. An attempt is recorded (attempts + 1, attempt_started_at) and committed before the SMTP conversation
    -- starts; attempt_started_at is cleared only by a definite outcome. Found set when the row is next claimed, it
    -- means the attempt's outcome is unknown (the sender stopped between the server's answer and this record).
    attempts            integer NOT NULL DEFAULT 0,
    attempt_started_at  timestamptz,
    -- While an attempt runs, its lease: no other sender claims the row before this.
    next_attempt_at     timestamptz NOT NULL,
    claim_token         uuid,
    delivery_checks     integer NOT NULL DEFAULT 0,
    last_error          text,
    -- How an attempt in doubt was settled (found by the delivery check, or sent again under the same Message-ID).
    delivery_note       text,
    -- W3C trace context of whoever recorded it (the consumer, the RPC): the send is a span of the same trace.
    trace_parent        text,
    trace_state         text,
    created_at          timestamptz NOT NULL,
    CONSTRAINT notifications_one_per_source UNIQUE (source_id, kind)
);
-- What the sender claims.
CREATE INDEX notifications_to_send ON notifications (next_attempt_at) WHERE status = 'pending';
-- The lists (oldest first) and the SLA report (by due time).
CREATE INDEX notifications_received ON notifications (received_at, id);
CREATE INDEX notifications_agency ON notifications (agency_id, received_at, id);
CREATE INDEX notifications_due ON notifications (due_at) WHERE due_at IS NOT NULL;
