using Dapper;
using Program287g.Agreement.Domain;

namespace Program287g.Agreement.Data;

/// <summary>What ListAgreements filters on (statuses by their stored keys, the model by its code, the state by its USPS
/// code, the reference prefix in upper case); its key binds page tokens to it.</summary>
public sealed record AgreementFilter(Guid? AgencyId, IReadOnlyList<string> Statuses, string? Model, string? State,
    string? ReferencePrefix)
{
    public string Key =>
        $"all|{AgencyId}|{string.Join(',', Statuses.Order(StringComparer.Ordinal))}|{Model}|{State}|{ReferencePrefix}";
}

/// <summary>The keyset position after the last agreement of a page: newest submitted first, then id (descending). In
/// UTC, as PostgreSQL takes a timestamptz parameter.</summary>
public sealed record SubmittedCursor(DateTimeOffset SubmittedAt, Guid Id);

public sealed partial class AgreementQueries
{
    /// <summary>Up to <paramref name="limit"/> agreements in their current status after <paramref name="after"/>, newest
    /// submitted first. The indexes of migration 0006 serve it with and without an agency.</summary>
    public async Task<List<AgreementRecord>> BrowseAsync(AgreementFilter filter, SubmittedCursor? after, int limit,
        CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        var parameters = new DynamicParameters(new { limit });
        // Only the filters given become conditions: an untyped null parameter is an error to PostgreSQL.
        if (filter.AgencyId is { } agencyId)
        {
            conditions.Add("a.agency_id = @agencyId");
            parameters.Add("agencyId", agencyId);
        }
        if (filter.Statuses.Count > 0)
        {
            conditions.Add("a.status = ANY(@statuses)");
            parameters.Add("statuses", filter.Statuses.ToArray());
        }
        if (filter.Model is { } model)
        {
            conditions.Add("a.model = @model");
            parameters.Add("model", model);
        }
        if (filter.State is { } state)
        {
            conditions.Add("a.state = @state::char(2)");
            parameters.Add("state", state);
        }
        if (filter.ReferencePrefix is { } prefix)
        {
            // starts_with, not LIKE: nothing in the prefix is a pattern.
            conditions.Add("starts_with(a.reference_number, @prefix)");
            parameters.Add("prefix", prefix);
        }
        if (after is not null)
        {
            conditions.Add("(a.submitted_at, a.id) < (@afterAt, @afterId)");
            parameters.Add("afterAt", after.SubmittedAt);
            parameters.Add("afterId", after.Id);
        }
        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<AgreementRecord>(new CommandDefinition($"""
            SELECT {AgreementColumns.Select} FROM agreements a {where}
            ORDER BY a.submitted_at DESC, a.id DESC
            LIMIT @limit
            """, parameters, cancellationToken: cancellationToken))).AsList();
    }
}
