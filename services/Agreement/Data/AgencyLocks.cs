using Dapper;
using Npgsql;

namespace Program287g.Agreement.Data;

/// <summary>An agency's transaction-scoped lock: held by whoever recomputes its participation and, in an ICE list import,
/// by whoever decides and writes its places. Several are taken in one stable order (of their keys), so two imports of
/// overlapping agencies wait for each other instead of locking each other's agencies crosswise.</summary>
internal static class AgencyLocks
{
    public static Task LockAsync(NpgsqlTransaction transaction, IEnumerable<Guid> agencyIds, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            SELECT pg_advisory_xact_lock(k.key)
            FROM (SELECT DISTINCT hashtextextended('agency-participation:' || id::text, 0) AS key
                  FROM unnest(@ids::uuid[]) AS id ORDER BY 1) AS k
            """, new { ids = agencyIds.Distinct().ToArray() }, transaction, cancellationToken: cancellationToken));
}
