using Dapper;
using Npgsql;
using Program287g.Agreement.Domain;

namespace Program287g.Agreement.Data;

/// <summary>A position in a list ordered as ICE orders its sheets: state, agency name, model, then id.</summary>
public sealed record ListCursor(string State, string SortName, string Model, Guid Id);

/// <summary>The reads behind ICE's lists and figures, all "as of" a moment, from the status periods and the ledger.</summary>
public sealed class AgreementQueries(NpgsqlDataSource dataSource)
{
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

    /// <summary>Every ledger series' count at <paramref name="asOf"/> that is not zero: the monthly sums before asOf's
    /// month plus that month's entries up to asOf. The work follows months x models x states, not the agreements.</summary>
    public async Task<List<LedgerCount>> CountsAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var monthStart = new DateTimeOffset(asOf.UtcDateTime.Year, asOf.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<LedgerCount>(new CommandDefinition("""
            SELECT series AS Series, model AS Model, state AS State, sum(delta)::int AS Count FROM (
                SELECT series, model, state, delta FROM ledger_months WHERE month < @month
                UNION ALL
                SELECT series, model, state, delta FROM ledger_entries WHERE at >= @monthStart AND at <= @asOf
            ) counted
            GROUP BY series, model, state
            HAVING sum(delta) <> 0
            """, new { month = DateOnly.FromDateTime(monthStart.UtcDateTime), monthStart, asOf },
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
