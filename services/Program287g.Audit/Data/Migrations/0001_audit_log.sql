-- The audit trail: one row per write an RPC makes, in the write's own transaction, so that a change and the record of
-- who made it commit or roll back together. Append-only: the trigger below refuses UPDATE, DELETE and TRUNCATE.
CREATE TABLE audit_log (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The transaction's time: the moment of the change itself.
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    subject      text NOT NULL,
    role         text NOT NULL,
    agency_id    text,
    client_id    text,
    peer         text,
    action       text NOT NULL,
    record_kind  text NOT NULL,
    record_id    text NOT NULL,
    -- Ids and codes only: no personal data of nominees, no free text of inquiries.
    detail       text NOT NULL DEFAULT ''
);
-- "What did this person do between these moments".
CREATE INDEX audit_log_by_actor ON audit_log (subject, recorded_at, id);
-- "Who touched this record".
CREATE INDEX audit_log_by_record ON audit_log (record_kind, record_id, recorded_at, id);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
