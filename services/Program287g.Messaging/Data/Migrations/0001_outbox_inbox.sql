-- The transactional outbox: events a transaction raised, written with the state change they report.
CREATE TABLE outbox_messages (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id       uuid NOT NULL UNIQUE,
    -- "Full.Type.Name, AssemblyName": what the dispatcher deserializes the body into and publishes as.
    message_type     text NOT NULL,
    body             jsonb NOT NULL,
    -- W3C trace context of the transaction that raised the event: one trace from the RPC to the consumer.
    trace_parent     text,
    trace_state      text,
    created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    last_error       text,
    sent_at          timestamptz
);
-- What the dispatcher claims, oldest first; sent rows leave this index at once.
CREATE INDEX outbox_messages_unsent ON outbox_messages (next_attempt_at, id) WHERE sent_at IS NULL;
-- What pruning deletes.
CREATE INDEX outbox_messages_sent ON outbox_messages (sent_at) WHERE sent_at IS NOT NULL;

-- The idempotent inbox: a message id recorded in the same transaction as the consumer's effect.
CREATE TABLE inbox_messages (
    consumer     text NOT NULL,
    message_id   uuid NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (consumer, message_id)
);
CREATE INDEX inbox_messages_received_at ON inbox_messages (received_at);
