-- The state each benchmarked transaction changes beside its outbox row.
CREATE TABLE bench_state (id uuid PRIMARY KEY, written_at timestamptz NOT NULL DEFAULT clock_timestamp());
