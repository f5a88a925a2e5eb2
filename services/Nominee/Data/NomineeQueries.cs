using Dapper;
using Npgsql;
using Program287g.Nominee.Domain;

namespace Program287g.Nominee.Data;

/// <summary>A nominee as the API shows them: the record, their agreement and agency, and their exam attempts.</summary>
public sealed record NomineeView(NomineeRecord Nominee, AgreementView Agreement, IReadOnlyList<ExamAttemptRecord> Attempts);

/// <summary>What ListNominees filters on; its key binds page tokens to it.</summary>
public sealed record NomineeFilter(Guid? AgencyId, Guid? AgreementId, string? Model, IReadOnlyList<string> Statuses)
{
    public string Key => $"{AgencyId}|{AgreementId}|{Model}|{string.Join(',', Statuses.Order(StringComparer.Ordinal))}";
}

/// <summary>The keyset position after the last nominee of a page: the list is ordered by sort name, then id.</summary>
public sealed record NomineeCursor(string SortName, Guid Id);

/// <summary>The reads: one nominee, their history, and keyset-paged lists.</summary>
public sealed class NomineeQueries(NpgsqlDataSource dataSource)
{
    public async Task<NomineeView?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var nominee = await connection.QuerySingleOrDefaultAsync<NomineeRecord>(new CommandDefinition(
            $"SELECT {NomineeColumns.Select} FROM nominees n WHERE n.id = @id", new { id }, cancellationToken: cancellationToken));
        return nominee is null ? null : (await CompleteAsync(connection, [nominee], cancellationToken)).Single();
    }

    public Task<List<StepRecord>> HistoryAsync(Guid id, CancellationToken cancellationToken) =>
        StepLog.ReadAsync(dataSource, id, cancellationToken);

    /// <summary>Up to <paramref name="limit"/> nominees after <paramref name="after"/>, by sort name then id.</summary>
    public async Task<List<NomineeView>> ListAsync(NomineeFilter filter, NomineeCursor? after, int limit, CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        var parameters = new DynamicParameters(new { limit });
        // Only the filters given become conditions: an untyped null parameter is an error to PostgreSQL.
        if (filter.AgencyId is { } agencyId)
        {
            conditions.Add("n.agency_id = @agencyId");
            parameters.Add("agencyId", agencyId);
        }
        if (filter.AgreementId is { } agreementId)
        {
            conditions.Add("n.agreement_id = @agreementId");
            parameters.Add("agreementId", agreementId);
        }
        if (filter.Model is { } model)
        {
            conditions.Add("n.model = @model");
            parameters.Add("model", model);
        }
        if (filter.Statuses.Count > 0)
        {
            conditions.Add("n.status = ANY(@statuses)");
            parameters.Add("statuses", filter.Statuses.ToArray());
        }
        if (after is not null)
        {
            conditions.Add("(n.sort_name, n.id) > (@afterName, @afterId)");
            parameters.Add("afterName", after.SortName);
            parameters.Add("afterId", after.Id);
        }
        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var nominees = (await connection.QueryAsync<NomineeRecord>(new CommandDefinition(
            $"SELECT {NomineeColumns.Select} FROM nominees n {where} ORDER BY n.sort_name, n.id LIMIT @limit", parameters,
            cancellationToken: cancellationToken))).AsList();
        return await CompleteAsync(connection, nominees, cancellationToken);
    }

    /// <summary>Adds each nominee's agreement and exam attempts: two queries for a whole page.</summary>
    private static async Task<List<NomineeView>> CompleteAsync(NpgsqlConnection connection, List<NomineeRecord> nominees,
        CancellationToken cancellationToken)
    {
        if (nominees.Count == 0)
        {
            return [];
        }
        var agreements = (await connection.QueryAsync<AgreementView>(new CommandDefinition($"""
            SELECT {NomineeColumns.AgreementView} FROM agreements a JOIN agencies g ON g.agency_id = a.agency_id
            WHERE a.agreement_id = ANY(@ids)
            """, new { ids = nominees.Select(n => n.AgreementId).Distinct().ToArray() }, cancellationToken: cancellationToken)))
            .ToDictionary(a => a.AgreementId);
        var attempts = await ExamAttempts.ReadAsync(connection, nominees.Select(n => n.Id).ToList(), cancellationToken);
        return nominees.Select(n => new NomineeView(n, agreements[n.AgreementId], attempts[n.Id].ToList())).ToList();
    }
}
