using Dapper;
using Npgsql;
using Program287g.Agreement.Domain;
using Program287g.Audit;
using Program287g.Domain;

namespace Program287g.Agreement.Data;

public sealed record CoveredAgencyEntry(string Name, string? County, CoveredKind Kind)
{
    public string NormalizedName => AgencyName.Normalize(Name);
}

/// <summary>A state's list of covered agencies as staff loaded it; <see cref="LoadedAt"/> is null when none is.</summary>
public sealed record CoveredAgencyList(string State, DateTimeOffset? LoadedAt, IReadOnlyList<CoveredAgencyEntry> Agencies)
{
    public bool Loaded => LoadedAt is not null;
}

/// <summary>Each state's list of covered agencies (migration 0007).</summary>
public static class CoveredAgencyLists
{
    /// <summary>Replaces the state's list in one transaction, so a reader sees the old list or the new one, never a mix;
    /// an empty list removes it (the state goes back to its registered agencies of the covered kinds).</summary>
    public static async Task ReplaceAsync(NpgsqlDataSource database, string state, IReadOnlyList<CoveredAgencyEntry> agencies,
        DateTimeOffset now, AuditActor auditor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The list row goes first and its entries with it (ON DELETE CASCADE); a concurrent replacement of the same
        // state waits on that row's lock and then writes its own list whole.
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM covered_agency_lists WHERE state = @state",
            new { state }, transaction, cancellationToken: cancellationToken));
        if (agencies.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO covered_agency_lists (state, loaded_at) VALUES (@state, @now)",
                new { state, now }, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO covered_agencies (state, normalized_name, name, county, kind)
                SELECT @state, * FROM unnest(@normalized, @names, @counties, @kinds)
                """, new
                {
                    state,
                    normalized = agencies.Select(a => a.NormalizedName).ToArray(),
                    names = agencies.Select(a => a.Name).ToArray(),
                    counties = agencies.Select(a => a.County).ToArray(),
                    kinds = agencies.Select(a => a.Kind.ToString()).ToArray(),
                }, transaction, cancellationToken: cancellationToken));
        }
        // The record changed is the state's list, named by its state; the detail keeps its size, not its entries.
        await AuditTrail.RecordAsync(transaction,
            auditor.On(AgreementAudit.CoveredAgencyListKind, state, $"state={state} agencies={agencies.Count}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The state's list, by name, read in one statement so that it is one version of the list.</summary>
    public static async Task<CoveredAgencyList> ReadAsync(NpgsqlDataSource database, string state, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(DateTime LoadedAt, string? Name, string? County, string? Kind)>(
            new CommandDefinition("""
                SELECT l.loaded_at, c.name, c.county, c.kind
                FROM covered_agency_lists l LEFT JOIN covered_agencies c ON c.state = l.state
                WHERE l.state = @state
                ORDER BY c.normalized_name
                """, new { state }, cancellationToken: cancellationToken))).AsList();
        if (rows.Count == 0)
        {
            return new CoveredAgencyList(state, null, []);
        }
        var agencies = rows.Where(r => r.Name is not null)
            .Select(r => new CoveredAgencyEntry(r.Name!, r.County, Enum.Parse<CoveredKind>(r.Kind!))).ToList();
        return new CoveredAgencyList(state, new DateTimeOffset(DateTime.SpecifyKind(rows[0].LoadedAt, DateTimeKind.Utc)), agencies);
    }
}
