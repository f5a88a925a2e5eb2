using Dapper;
using Npgsql;
using Program287g.Nominee.Domain;

namespace Program287g.Nominee.Data;

/// <summary>This service's copy of the agencies and agreements its nominees belong to. Every change to a nominee takes
/// the agreement's row lock first (shared for a nominee's own step, exclusive for a cascade over the agreement), so a
/// step and the agreement's suspension or end never interleave.</summary>
internal static class AgreementMirror
{
    public const string FinalStatuses = "'terminated', 'superseded'";

    /// <summary>Records what the Agency and Agreement services said at a nomination; older news never overwrites newer,
    /// and an agreement that ended stays ended.</summary>
    public static async Task RecordAsync(NpgsqlTransaction transaction, AgreementView view, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO agencies (agency_id, name, state, contact_name, contact_email, version)
            VALUES (@AgencyId, @AgencyName, @State, @ContactName, @ContactEmail, @AgencyVersion)
            ON CONFLICT (agency_id) DO UPDATE SET name = EXCLUDED.name, state = EXCLUDED.state,
                contact_name = EXCLUDED.contact_name, contact_email = EXCLUDED.contact_email, version = EXCLUDED.version
            WHERE agencies.version < EXCLUDED.version
            """, view, transaction, cancellationToken: cancellationToken));
        await RecordStatusAsync(transaction, view, cancellationToken);
    }

    /// <summary>The agreement's status as of <see cref="AgreementView.StatusAt"/>, if newer than what is recorded.
    /// Inserts the agreement when it is new (an event may be the first this service hears of it); true when applied.</summary>
    public static async Task<bool> RecordStatusAsync(NpgsqlTransaction transaction, AgreementView view, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO agreements (agreement_id, agency_id, reference_number, model, status, status_at)
            VALUES (@AgreementId, @AgencyId, @ReferenceNumber, @Model, @Status, @StatusAt)
            ON CONFLICT (agreement_id) DO UPDATE SET status = EXCLUDED.status, status_at = EXCLUDED.status_at
            WHERE agreements.status_at < EXCLUDED.status_at AND agreements.status NOT IN ({FinalStatuses})
            """, view, transaction, cancellationToken: cancellationToken)) == 1;

    /// <summary>The agreement with its agency as this service last heard, unlocked; null when it never heard of it.</summary>
    public static Task<AgreementView?> FindAsync(NpgsqlConnection connection, Guid agreementId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<AgreementView>(new CommandDefinition($"""
            SELECT {NomineeColumns.AgreementView}
            FROM agreements a JOIN agencies g ON g.agency_id = a.agency_id
            WHERE a.agreement_id = @agreementId
            """, new { agreementId }, cancellationToken: cancellationToken));

    /// <summary>The agreement with its agency, locked: FOR SHARE by a nominee's step, FOR UPDATE by a cascade.</summary>
    public static Task<AgreementView?> LockAsync(NpgsqlTransaction transaction, Guid agreementId, bool exclusive,
        CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<AgreementView>(new CommandDefinition($"""
            SELECT {NomineeColumns.AgreementView}
            FROM agreements a JOIN agencies g ON g.agency_id = a.agency_id
            WHERE a.agreement_id = @agreementId
            FOR {(exclusive ? "UPDATE" : "SHARE")} OF a
            """, new { agreementId }, transaction, cancellationToken: cancellationToken));
}
