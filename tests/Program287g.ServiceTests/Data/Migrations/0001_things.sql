-- The messaging tests' own state: "things" a transaction changes, and what consumers did with the events.
CREATE TABLE things (id uuid PRIMARY KEY, name text NOT NULL);
-- No unique key on purpose: an effect that happened twice must show up as two rows.
CREATE TABLE effects (message_id uuid NOT NULL, thing text NOT NULL, trace_id text, consumed_at timestamptz NOT NULL DEFAULT clock_timestamp());
CREATE TABLE deliveries (message_id uuid NOT NULL, delivered_at timestamptz NOT NULL DEFAULT clock_timestamp());
