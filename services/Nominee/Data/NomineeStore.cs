using Dapper;
using Npgsql;
using Program287g.Audit;
using Program287g.Contracts;
using Program287g.Messaging.Outbox;
using Program287g.Nominee.Domain;

namespace Program287g.Nominee.Data;

/// <summary>Nominations and their steps: every change, its history entry and its events commit in one transaction,
/// under the agreement's shared lock and the nominee's row lock.</summary>
public sealed class NomineeStore(NpgsqlDataSource dataSource)
{
    public NpgsqlDataSource DataSource => dataSource;

    /// <summary>The agreement, if this service knows it to be an active agreement of the agency: a nomination under it
    /// then needs neither the Agency nor the Agreement service. What this service knows is kept current by their
    /// events, and a step taken on news that is a moment old is set right by the news when it comes (a suspension or an
    /// end reaches every nominee the agreement has then, this one included), as it would be had the services been asked
    /// a moment before the news. Null when it does not know, or knows otherwise: the caller asks the services.</summary>
    public async Task<AgreementView?> KnownActiveAsync(Guid agencyId, Guid agreementId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var known = await AgreementMirror.FindAsync(connection, agreementId, cancellationToken);
        return known is { IsActive: true } && known.AgencyId == agencyId ? known : null;
    }

    /// <summary>Records a nomination under <paramref name="agreement"/> as the Agency and Agreement services just
    /// described it (unless <paramref name="asKnown"/>: it is what this service already holds). Refused, changing nothing, when this service already knows the agreement is no longer active (its
    /// suspension or end arrived first); answers the open nomination of the same officer instead, if there is one.</summary>
    public async Task<NominationOutcome> NominateAsync(AgreementView agreement, bool asKnown, NomineeRecord draft, Actor actor,
        AuditActor auditor, Func<NomineeRecord, AgreementView, IEnumerable<IntegrationEvent>> raise, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!asKnown)
        {
            await AgreementMirror.RecordAsync(transaction, agreement, cancellationToken);
        }
        var known = (await AgreementMirror.LockAsync(transaction, agreement.AgreementId, exclusive: false, cancellationToken))!;
        if (!known.IsActive)
        {
            return new NominationOutcome.AgreementNotActive(known.Status);
        }
        var number = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT nextval('nominee_reference_numbers')", transaction: transaction, cancellationToken: cancellationToken));
        var nominee = draft with { ReferenceNumber = ReferenceNumbers.Nomination(draft.NominatedOn, number) };
        if (await connection.ExecuteAsync(new CommandDefinition(NomineeColumns.Insert, nominee, transaction,
                cancellationToken: cancellationToken)) == 0)
        {
            var existing = await connection.QuerySingleAsync<NomineeRecord>(new CommandDefinition($"""
                SELECT {NomineeColumns.Select} FROM nominees n
                WHERE n.agreement_id = @AgreementId AND n.badge_key = @BadgeKey AND n.is_open
                """, new { nominee.AgreementId, nominee.BadgeKey }, transaction,
                cancellationToken: cancellationToken));
            return new NominationOutcome.AlreadyOpen(existing);
        }
        await StepLog.AppendAsync(transaction, new StepRecord
        {
            NomineeId = nominee.Id, FromStatus = null, ToStatus = nominee.Status, Action = "nominated",
            EffectiveOn = nominee.NominatedOn, RecordedAt = nominee.NominatedAt, Actor = actor.Subject, ActorRole = actor.Role,
        }, cancellationToken);
        await transaction.EnqueueAsync(raise(nominee, known).ToList(), cancellationToken);
        await AuditTrail.RecordAsync(transaction, NomineeAudit.Of(auditor, nominee, "nominated"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new NominationOutcome.Created(nominee, known);
    }

    /// <summary>Takes one step under the locks: refused (changing nothing) when the nominee is missing or the step is not
    /// allowed from their status; otherwise <paramref name="plan"/> says what to write. <paramref name="mayAct"/> sees the
    /// nominee first and may throw (an agency user's step on another agency's nominee), so that a refusal says nothing of
    /// a nominee the caller may not see. The plan may throw an RpcException (the agreement is suspended, a date comes
    /// too early), which rolls everything back. A step that changes something is audited for <paramref name="auditor"/>;
    /// one that changes nothing (a repeat) writes nothing, its audit record included.</summary>
    public async Task<StepOutcome> StepAsync(Guid id, PipelineStep step, Actor actor, AuditActor auditor, Action<NomineeRecord> mayAct,
        Func<StepContext, StepPlan> plan, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The agreement first, then the nominee: the order a cascade over the agreement takes them in.
        var agreementId = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT agreement_id FROM nominees WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        if (agreementId is null)
        {
            return new StepOutcome.Missing();
        }
        var agreement = (await AgreementMirror.LockAsync(transaction, agreementId.Value, exclusive: false, cancellationToken))!;
        var current = await connection.QuerySingleAsync<NomineeRecord>(new CommandDefinition(
            $"SELECT {NomineeColumns.Select} FROM nominees n WHERE n.id = @id FOR UPDATE", new { id }, transaction,
            cancellationToken: cancellationToken));
        mayAct(current);
        if (!Pipeline.Allows(step, current.CurrentStatus))
        {
            return new StepOutcome.NotAllowed(current.CurrentStatus);
        }
        var attempts = step == PipelineStep.RecordExam ? await ExamAttempts.ReadAsync(connection, transaction, id, cancellationToken) : [];
        var change = plan(new StepContext(current, agreement, attempts));
        if (change.Unchanged)
        {
            return new StepOutcome.Done(current);
        }
        var after = change.After with { Version = current.Version + 1 };
        await connection.ExecuteAsync(new CommandDefinition(NomineeColumns.UpdateStep, after, transaction,
            cancellationToken: cancellationToken));
        await StepLog.AppendAsync(transaction, new StepRecord
        {
            NomineeId = id, FromStatus = current.Status, ToStatus = after.Status, Action = change.Action,
            EffectiveOn = change.EffectiveOn, RecordedAt = after.UpdatedAt, Actor = actor.Subject, ActorRole = actor.Role,
            Note = change.Note,
        }, cancellationToken);
        if (change.AlsoWrite is not null)
        {
            await change.AlsoWrite(transaction);
        }
        if (change.Events is not null)
        {
            await transaction.EnqueueAsync(change.Events(after).ToList(), cancellationToken);
        }
        await AuditTrail.RecordAsync(transaction, NomineeAudit.Of(auditor, after, change.Action), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StepOutcome.Done(after);
    }

    /// <summary>The next Form 70-006 number. Taken before the step that uses it: a refused step leaves a gap, which a
    /// sequence has anyway.</summary>
    public async Task<long> NextAuthorizationNumberAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT nextval('authorization_numbers')",
            cancellationToken: cancellationToken));
    }
}

/// <summary>What a nomination came to.</summary>
public abstract record NominationOutcome
{
    public sealed record Created(NomineeRecord Nominee, AgreementView Agreement) : NominationOutcome;
    public sealed record AlreadyOpen(NomineeRecord Existing) : NominationOutcome;
    public sealed record AgreementNotActive(string Status) : NominationOutcome;
}
