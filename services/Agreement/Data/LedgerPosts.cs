using Dapper;
using Npgsql;

namespace Program287g.Agreement.Data;

/// <summary>One change to a ledger series (<see cref="LedgerSeries"/>) at a moment.</summary>
public readonly record struct LedgerPost(string Series, string Model, string State, DateTimeOffset At, int Delta);

/// <summary>Writes ledger changes: each as an entry, and summed into its month. One statement pair whatever their number;
/// the months are updated in one order (series, model, state, month) so that two writers wait rather than deadlock.</summary>
internal static class LedgerPosts
{
    public static async Task PostAsync(NpgsqlTransaction transaction, IReadOnlyCollection<LedgerPost> posts,
        CancellationToken cancellationToken)
    {
        if (posts.Count == 0)
        {
            return;
        }
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO ledger_entries (series, model, state, at, delta)
            SELECT * FROM unnest(@series::text[], @models::text[], @states::text[], @ats::timestamptz[], @deltas::int[]);
            INSERT INTO ledger_months (series, model, state, month, delta)
            SELECT series, model, state, date_trunc('month', at AT TIME ZONE 'UTC')::date, sum(delta)
            FROM unnest(@series::text[], @models::text[], @states::text[], @ats::timestamptz[], @deltas::int[]) AS p(series, model, state, at, delta)
            GROUP BY 1, 2, 3, 4
            ORDER BY 1, 2, 3, 4
            ON CONFLICT (series, model, state, month) DO UPDATE SET delta = ledger_months.delta + EXCLUDED.delta;
            """, new
            {
                series = posts.Select(p => p.Series).ToArray(),
                models = posts.Select(p => p.Model).ToArray(),
                states = posts.Select(p => p.State).ToArray(),
                ats = posts.Select(p => p.At.UtcDateTime).ToArray(),
                deltas = posts.Select(p => p.Delta).ToArray(),
            }, transaction, cancellationToken: cancellationToken));
    }
}
