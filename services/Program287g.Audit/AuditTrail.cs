using Npgsql;

namespace Program287g.Audit;

/// <summary>Writes audit records inside the caller's transaction, so that a change and the record of who made it commit
/// or roll back together: a refused or failed write leaves none. One INSERT whatever the number of entries (a multi-row
/// insert from arrays), the cheapest a write can pay.</summary>
public static class AuditTrail
{
    public static Task RecordAsync(NpgsqlTransaction transaction, AuditEntry entry, CancellationToken cancellationToken = default) =>
        RecordAsync(transaction, [entry], cancellationToken);

    public static async Task RecordAsync(NpgsqlTransaction transaction, IReadOnlyCollection<AuditEntry> entries,
        CancellationToken cancellationToken = default)
    {
        if (entries.Count == 0)
        {
            return;
        }
        var connection = transaction.Connection
            ?? throw new InvalidOperationException("The transaction is no longer connected.");
        await using var command = new NpgsqlCommand("""
            INSERT INTO audit_log (subject, role, agency_id, client_id, peer, action, record_kind, record_id, detail)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
            """, connection, transaction)
        {
            Parameters =
            {
                Column(entries, e => e.Actor.Subject),
                Column(entries, e => e.Actor.Role),
                Column(entries, e => e.Actor.AgencyId),
                Column(entries, e => e.Actor.ClientId),
                Column(entries, e => e.Actor.Peer),
                Column(entries, e => e.Actor.Action),
                Column(entries, e => e.RecordKind),
                Column(entries, e => e.RecordId),
                Column(entries, e => e.Detail),
            },
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Column(IReadOnlyCollection<AuditEntry> entries, Func<AuditEntry, string?> value) =>
        new() { Value = entries.Select(value).ToArray() };
}
