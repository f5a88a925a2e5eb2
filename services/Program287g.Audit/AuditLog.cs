using Dapper;
using Npgsql;

namespace Program287g.Audit;

/// <summary>Reads the service's audit trail, oldest first, one keyset page at a time: by actor within a time window, or
/// by record. Each query has its index (migration 0001).</summary>
public sealed class AuditLog(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id AS Id, recorded_at AS RecordedAt, subject AS Subject, role AS Role, agency_id AS AgencyId, client_id AS ClientId,
        peer AS Peer, action AS Action, record_kind AS RecordKind, record_id AS RecordId, detail AS Detail
        """;

    public Task<List<AuditRow>> ByActorAsync(string subject, DateTime from, DateTime to, AuditCursor? after, int limit,
        CancellationToken cancellationToken) =>
        QueryAsync("subject = @subject AND recorded_at >= @from AND recorded_at < @to", new { subject, from, to }, after, limit,
            cancellationToken);

    public Task<List<AuditRow>> ByRecordAsync(string kind, string id, AuditCursor? after, int limit, CancellationToken cancellationToken) =>
        QueryAsync("record_kind = @kind AND record_id = @id", new { kind, id }, after, limit, cancellationToken);

    private async Task<List<AuditRow>> QueryAsync(string where, object filter, AuditCursor? after, int limit,
        CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(filter);
        parameters.AddDynamicParams(new { afterAt = after?.RecordedAt ?? DateTime.MinValue, afterId = after?.Id ?? 0L, limit });
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<AuditRow>(new CommandDefinition($"""
            SELECT {Columns} FROM audit_log
            WHERE {where} AND (recorded_at, id) > (@afterAt, @afterId)
            ORDER BY recorded_at, id
            LIMIT @limit
            """, parameters, cancellationToken: cancellationToken))).AsList();
    }
}

public sealed record AuditRow(long Id, DateTime RecordedAt, string Subject, string Role, string? AgencyId, string? ClientId,
    string? Peer, string Action, string RecordKind, string RecordId, string Detail);

/// <summary>Where a page ended: the last row's sort key.</summary>
public sealed record AuditCursor(DateTime RecordedAt, long Id);
