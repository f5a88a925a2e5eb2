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
}
