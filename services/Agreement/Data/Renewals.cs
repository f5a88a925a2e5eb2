using Dapper;
using Npgsql;
using Program287g.Agreement.Domain;
using Program287g.Domain;
using Program287g.Persistence;

namespace Program287g.Agreement.Data;

/// <summary>A renewal is an application to re-sign the agency's agreement in force for the model: it is pending beside
/// that agreement (<see cref="AgencyPlaces"/>), and when ICE signs it the agreement it renews is superseded by it from
/// the same moment, in the same transaction, so the agency is never without an agreement nor holding two.</summary>
public static class Renewals
{
    /// <summary>Signs an application in the caller's transaction (<paramref name="plan"/> says how, as for any
    /// signature). For a renewal of an agreement still in force, that agreement is superseded first, from the start of
    /// <paramref name="iceSignedOn"/>, after <paramref name="checkRenewed"/> (which may throw) has seen it; a renewal of
    /// one that has ended since is signed as an agreement of its own. Returns the signature's outcome and the agreement
    /// it superseded, if any.</summary>
    public static async Task<(TransitionOutcome Outcome, AgreementRecord? Superseded)> SignAsync(NpgsqlTransaction transaction,
        Guid applicationId, DateOnly iceSignedOn, Actor actor, string source, DateTimeOffset now, Action<AgreementRecord>? checkRenewed,
        Func<AgreementRecord, TransitionPlan> plan, CancellationToken cancellationToken)
    {
        var application = await AgreementStore.LockAsync(transaction, applicationId, cancellationToken);
        AgreementRecord? superseded = null;
        if (application is { Renews: { } renewedId } && application.CurrentStatus == AgreementStatus.Pending)
        {
            var stored = DatabaseTime.ToStoredPrecision(now);
            var outcome = await AgreementStore.TransitionAsync(transaction, renewedId, LifecycleAction.Supersede, actor, renewed =>
            {
                checkRenewed?.Invoke(renewed);
                return new TransitionPlan
                {
                    After = renewed with { SupersededBy = applicationId, UpdatedAt = stored },
                    EffectiveAt = ProgramTime.StartOf(iceSignedOn),
                    Note = $"Superseded by its renewal {applicationId} ({application.ReferenceNumber})",
                    Event = after => AgreementEvents.Superseded(after, actor, source, now),
                };
            }, cancellationToken);
            superseded = (outcome as TransitionOutcome.Done)?.Agreement;
        }
        var signed = await AgreementStore.TransitionAsync(transaction, applicationId, LifecycleAction.Sign, actor, current =>
        {
            var change = plan(current);
            return superseded is null ? change : change with { After = change.After with { Supersedes = superseded.Id } };
        }, cancellationToken);
        return (signed, superseded);
    }

    /// <summary>Makes a pending application the renewal of <paramref name="agreementId"/> (ICE lists the agency as
    /// participating and as pending at once). The agreement may be written later in the same transaction.</summary>
    public static Task RenewAsync(NpgsqlTransaction transaction, Guid applicationId, Guid agreementId, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE agreements SET renews = @agreementId, updated_at = @now, version = version + 1
            WHERE id = @applicationId AND status = 'pending'
            """, new { applicationId, agreementId, now = DatabaseTime.ToStoredPrecision(now) }, transaction,
            cancellationToken: cancellationToken));

    /// <summary>An open renewal of an agreement that a re-signing replaced now renews the replacement.</summary>
    public static Task MoveToReplacementAsync(NpgsqlTransaction transaction, Guid supersededId, Guid replacementId, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE agreements SET renews = @replacementId, updated_at = @now, version = version + 1
            WHERE renews = @supersededId AND status = 'pending'
            """, new { supersededId, replacementId, now = DatabaseTime.ToStoredPrecision(now) }, transaction,
            cancellationToken: cancellationToken));

    /// <summary>Records that an ICE pending list as of <paramref name="asOf"/> showed each application pending; returns the
    /// ones that changed (an application a later list showed already is left as it is).</summary>
    public static async Task<IReadOnlySet<Guid>> MarkListedPendingAsync(NpgsqlTransaction transaction, IReadOnlyCollection<Guid> applicationIds,
        DateTimeOffset asOf, CancellationToken cancellationToken) =>
        (await transaction.Connection!.QueryAsync<Guid>(new CommandDefinition("""
            UPDATE agreements SET listed_pending_at = @asOf
            WHERE id = ANY(@applicationIds) AND (listed_pending_at IS NULL OR listed_pending_at < @asOf)
            RETURNING id
            """, new { applicationIds = applicationIds.ToArray(), asOf = DatabaseTime.ToStoredPrecision(asOf) }, transaction,
            cancellationToken: cancellationToken))).ToHashSet();
}
