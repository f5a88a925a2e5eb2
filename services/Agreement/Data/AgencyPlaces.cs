using Dapper;
using Npgsql;
using Program287g.Agreement.Domain;

namespace Program287g.Agreement.Data;

/// <summary>What holds an agency's places for one model (migration 0005's unique indexes): the agreement in force
/// (active or suspended) and the open application, which beside an agreement in force is its renewal.</summary>
public sealed record AgencyPlaces(AgreementRecord? InForce, AgreementRecord? Application)
{
    /// <summary>Both rows, locked for the caller's transaction.</summary>
    internal static async Task<AgencyPlaces> LockAsync(NpgsqlTransaction transaction, Guid agencyId, string model,
        CancellationToken cancellationToken)
    {
        var open = (await transaction.Connection!.QueryAsync<AgreementRecord>(new CommandDefinition($"""
            SELECT {AgreementColumns.Select} FROM agreements a
            WHERE a.agency_id = @agencyId AND a.model = @model AND a.status IN ('pending', 'active', 'suspended')
            ORDER BY a.id
            FOR UPDATE
            """, new { agencyId, model }, transaction, cancellationToken: cancellationToken))).AsList();
        return new AgencyPlaces(open.SingleOrDefault(a => a.CurrentStatus != AgreementStatus.Pending),
            open.SingleOrDefault(a => a.CurrentStatus == AgreementStatus.Pending));
    }

    /// <summary>The places of every (agency, model) given, read at once under the agencies' locks (taken in a stable
    /// order, <see cref="AgencyLocks"/>) with their rows locked, for an import that settles many rows in one transaction.</summary>
    internal static async Task<Dictionary<(Guid AgencyId, string Model), AgencyPlaces>> LockAllAsync(NpgsqlTransaction transaction,
        IReadOnlyCollection<(Guid AgencyId, string Model)> keys, CancellationToken cancellationToken)
    {
        await AgencyLocks.LockAsync(transaction, keys.Select(k => k.AgencyId), cancellationToken);
        var open = (await transaction.Connection!.QueryAsync<AgreementRecord>(new CommandDefinition($"""
            SELECT {AgreementColumns.Select} FROM agreements a
            JOIN unnest(@agencyIds::uuid[], @models::text[]) AS k(agency_id, model) ON a.agency_id = k.agency_id AND a.model = k.model
            WHERE a.status IN ('pending', 'active', 'suspended')
            ORDER BY a.id
            FOR UPDATE OF a
            """, new { agencyIds = keys.Select(k => k.AgencyId).ToArray(), models = keys.Select(k => k.Model).ToArray() },
            transaction, cancellationToken: cancellationToken))).ToLookup(a => (a.AgencyId, a.Model));
        return keys.ToDictionary(key => key, key => new AgencyPlaces(
            open[key].SingleOrDefault(a => a.CurrentStatus != AgreementStatus.Pending),
            open[key].SingleOrDefault(a => a.CurrentStatus == AgreementStatus.Pending)));
    }
}
