-- GetStatistics answers from memory until the ledger changes (ChangeTrackedCache): every statement that changes the
-- ledger notifies 'ledger_changed', delivered on commit to every instance.
CREATE FUNCTION notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(TG_ARGV[0], '');
    RETURN NULL;
END
$$;

CREATE TRIGGER ledger_entries_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ledger_entries
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change('ledger_changed');
CREATE TRIGGER ledger_months_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ledger_months
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change('ledger_changed');
