using Npgsql;

namespace Program287g.Benchmarks.Stats;

/// <summary>Agreements written straight into the Agreement service's database with the ledger rows its Timeline would
/// have posted for them: submitted over the last eight years across every state and model, four in five signed 60 days
/// after submission (pending -1, active +1, and the agency participation series for the model and for any model, each
/// agreement being its agency's only one), the rest still pending. GetStatistics reads only the ledger.</summary>
public static class StatisticsSeed
{
    private static readonly string[] States =
    [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD",
        "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC",
        "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
    ];

    /// <summary>Adds agreements numbered <paramref name="from"/> up to <paramref name="to"/> (exclusive).</summary>
    public static async Task AddAsync(string connectionString, int from, int to)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            WITH seeded AS (
                INSERT INTO agreements (id, reference_number, agency_id, agency_name, agency_sort_name, state, agency_type,
                    county, agency_version, model, status, submitted_at, active_from, source, updated_at)
                SELECT gen_random_uuid(), 'SEED-' || g, gen_random_uuid(), 'Seed County ' || g || ' Sheriff''s Office',
                       'SEED COUNTY ' || g || ' SHERIFF''S OFFICE', (@states)[1 + g / 5 % cardinality(@states)], 'County', 'Seed', 1,
                       (ARRAY['JEM', 'TFM', 'WSO'])[1 + g % 3], CASE WHEN g % 5 = 0 THEN 'pending' ELSE 'active' END,
                       submitted, CASE WHEN g % 5 = 0 THEN NULL ELSE (submitted + interval '60 days')::date END, 'seed', now()
                FROM generate_series(@from, @to - 1) AS g,
                     LATERAL (SELECT now() - interval '61 days' - (g::bigint * 7919 % 2860) * interval '1 day' AS submitted) AS s
                RETURNING model, state, status, submitted_at
            ), entries AS (
                INSERT INTO ledger_entries (series, model, state, at, delta)
                SELECT e.series, e.model, seeded.state, e.at, e.delta
                FROM seeded CROSS JOIN LATERAL (VALUES
                    ('pending', seeded.model, seeded.submitted_at, 1, true),
                    ('pending', seeded.model, seeded.submitted_at + interval '60 days', -1, seeded.status = 'active'),
                    ('active', seeded.model, seeded.submitted_at + interval '60 days', 1, seeded.status = 'active'),
                    ('agency', seeded.model, seeded.submitted_at + interval '60 days', 1, seeded.status = 'active'),
                    ('agency', '*', seeded.submitted_at + interval '60 days', 1, seeded.status = 'active'))
                    AS e(series, model, at, delta, posted)
                WHERE e.posted
                RETURNING series, model, state, at, delta
            )
            INSERT INTO ledger_months (series, model, state, month, delta)
            SELECT series, model, state, date_trunc('month', at AT TIME ZONE 'UTC')::date, sum(delta) FROM entries
            GROUP BY 1, 2, 3, 4
            ON CONFLICT (series, model, state, month) DO UPDATE SET delta = ledger_months.delta + EXCLUDED.delta
            """, connection) { CommandTimeout = 600 };
        command.Parameters.Add(new NpgsqlParameter("states", States));
        command.Parameters.Add(new NpgsqlParameter("from", from));
        command.Parameters.Add(new NpgsqlParameter("to", to));
        await command.ExecuteNonQueryAsync();
        await using var analyze = new NpgsqlCommand("ANALYZE agreements, ledger_entries, ledger_months", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>How many rows the ledger holds now.</summary>
    public static async Task<(long Entries, long Months)> LedgerSizeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM ledger_entries), (SELECT count(*) FROM ledger_months)", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
