using Dapper;
using Npgsql;
using Program287g.Agreement.Domain;
using Program287g.Persistence;

namespace Program287g.Agreement.Data;

/// <summary>A position in a list ordered as ICE orders its sheets: state, agency name, model, then id.</summary>
public sealed record ListCursor(string State, string SortName, string Model, Guid Id);

/// <summary>The reads behind ICE's lists and figures, all "as of" a moment, from the status periods and the ledger.
/// ListAgreements' read, of the agreements as they stand now, is in the other part of this class.</summary>
public sealed partial class AgreementQueries(NpgsqlDataSource dataSource, ChangeTrackedCache<string, LedgerWindows> kept)
{
    /// <summary>The channel migration 0002's triggers notify when the ledger changes.</summary>
    public const string LedgerChannel = "ledger_changed";
    private const string WindowsKey = "windows";

    /// <summary>One page of the agreements that had <paramref name="status"/> at <paramref name="asOf"/>; one row more than
    /// asked shows whether another page follows.</summary>
    public async Task<List<AgreementRecord>> ListAsync(AgreementStatus status, DateTimeOffset asOf, string? model, string? state,
        ListCursor? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<AgreementRecord>(new CommandDefinition($"""
            SELECT {AgreementColumns.Select}
            FROM status_periods p JOIN agreements a ON a.id = p.agreement_id
            WHERE p.status = @status AND p.valid @> @asOf
              AND (@model::text IS NULL OR a.model = @model) AND (@state::text IS NULL OR a.state = @state)
              AND (@afterState::text IS NULL
                   OR (a.state, a.agency_sort_name, a.model, a.id) > (@afterState::char(2), @afterName, @afterModel, @afterId))
            ORDER BY a.state, a.agency_sort_name, a.model, a.id
            LIMIT @limit
            """, new
            {
                status = status.Key(), asOf, model, state, afterState = after?.State, afterName = after?.SortName,
                afterModel = after?.Model, afterId = after?.Id ?? Guid.Empty, limit,
            }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Every ledger series' count at <paramref name="asOf"/> that is not zero, from the monthly sums and only
    /// one part of asOf's own month of entries: in the month's first half, the months before it plus the month's
    /// entries up to asOf; in its second half, the months up to and including it less the month's entries after asOf.
    /// Both are exact; "now" reads almost no entries however many there are, and no query reads more than half a
    /// month of them. The work otherwise follows months x models x states, not the number of agreements.</summary>
    /// <remarks>The counts hold from the ledger's last instant at or before asOf until its next one: that window is
    /// kept in memory (<see cref="LedgerWindows"/>) until the ledger changes, so "now", asked again and again, is read
    /// once.</remarks>
    public async Task<IReadOnlyList<LedgerCount>> CountsAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var begun = kept.Begin();
        kept.TryGet(WindowsKey, begun, out var windows);
        if (windows?.Holding(asOf) is { } held)
        {
            return held.Counts;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var counts = await ReadCountsAsync(connection, asOf, cancellationToken);
        var (from, until) = await connection.QuerySingleAsync<(DateTimeOffset?, DateTimeOffset?)>(new CommandDefinition("""
            SELECT (SELECT max(at) FROM ledger_entries WHERE at <= @asOf), (SELECT min(at) FROM ledger_entries WHERE at > @asOf)
            """, new { asOf }, cancellationToken: cancellationToken));
        kept.Keep(WindowsKey, begun, LedgerWindows.With(windows, new LedgerWindow(from, until, counts)));
        return counts;
    }

    private static async Task<List<LedgerCount>> ReadCountsAsync(NpgsqlConnection connection, DateTimeOffset asOf,
        CancellationToken cancellationToken)
    {
        var utc = asOf.UtcDateTime;
        var monthStart = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
        // December of year 9999 has no next month in .NET: its end is the last instant there is.
        var nextMonthStart = monthStart is { Year: 9999, Month: 12 } ? DateTimeOffset.MaxValue : monthStart.AddMonths(1);
        var fromTheEnd = asOf - monthStart >= (nextMonthStart - monthStart) / 2;
        var sql = fromTheEnd
            ? """
              SELECT series, model, state, delta FROM ledger_months WHERE month <= @month
              UNION ALL
              SELECT series, model, state, -delta FROM ledger_entries WHERE at > @asOf AND at < @nextMonthStart
              """
            : """
              SELECT series, model, state, delta FROM ledger_months WHERE month < @month
              UNION ALL
              SELECT series, model, state, delta FROM ledger_entries WHERE at >= @monthStart AND at <= @asOf
              """;
        return (await connection.QueryAsync<LedgerCount>(new CommandDefinition($"""
            SELECT series AS Series, model AS Model, state AS State, sum(delta)::int AS Count FROM ({sql}) counted
            GROUP BY series, model, state
            HAVING sum(delta) <> 0
            """, new { month = DateOnly.FromDateTime(monthStart.UtcDateTime), monthStart, nextMonthStart, asOf },
            cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>For each agency, its agreements open at <paramref name="asOf"/> (active or pending), by model.</summary>
    public async Task<List<(Guid AgencyId, string Model, string Status, Guid AgreementId)>> OpenAgreementsAsync(
        IReadOnlyCollection<Guid> agencyIds, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<(Guid, string, string, Guid)>(new CommandDefinition("""
            SELECT a.agency_id, a.model, p.status, a.id
            FROM status_periods p JOIN agreements a ON a.id = p.agreement_id
            WHERE a.agency_id = ANY(@ids) AND p.valid @> @asOf AND p.status IN ('active', 'pending')
            """, new { ids = agencyIds.ToArray(), asOf }, cancellationToken: cancellationToken))).AsList();
    }
}
