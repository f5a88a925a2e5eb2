-- GetAgency answers from memory until an agency changes (ChangeTrackedCache): every statement that updates or deletes
-- agencies notifies 'agencies_changed', delivered on commit to every instance. Inserts need not: only agencies that
-- were found are kept, and a new one was not.
CREATE FUNCTION notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(TG_ARGV[0], '');
    RETURN NULL;
END
$$;

CREATE TRIGGER agencies_changed AFTER UPDATE OR DELETE OR TRUNCATE ON agencies
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change('agencies_changed');
