using Npgsql;
using Program287g.Contracts.Agreement;
using Program287g.Contracts.Nominee;
using Program287g.Domain;
using Program287g.Nominee.Data;
using Program287g.Nominee.Domain;

namespace Program287g.Nominee.Messaging;

/// <summary>ICE suspended an agreement: every authorization in force under it is suspended with it. Nominations on their
/// way stay where they are; no authorization is issued until the agreement is reinstated.</summary>
public sealed class AgreementSuspendedConsumer(NpgsqlDataSource database, TimeProvider clock)
    : AgreementCascade<AgreementSuspended>(database, clock)
{
    protected override string AgreementStatus => "suspended";

    protected override Task CascadeAsync(AgreementSuspended message, AgreementView agreement, NpgsqlTransaction transaction,
        Actor actor, CancellationToken cancellationToken)
    {
        var reason = $"Agreement {message.ReferenceNumber} suspended: {message.Reason}";
        return NomineeMoves.ApplyAsync(transaction, new NomineeMove
        {
            Where = "n.agreement_id = @agreementId AND n.status = @authorized",
            Set = "status = @suspended, authorization_status = 'suspended', suspension_cause = 'agreement', status_reason = @reason",
            Parameters = new
            {
                agreementId = message.AgreementId, authorized = NomineeStatus.Authorized.Key(), suspended = NomineeStatus.Suspended.Key(), reason,
            },
            Action = "agreement-suspended",
            EffectiveOn = ProgramTime.DateOf(message.OccurredAt),
            Note = reason,
        }, actor, Clock.GetUtcNow(), nominee => [new AuthorizationSuspended
        {
            MessageId = Guid.CreateVersion7(), OccurredAt = Clock.GetUtcNow(), Nominee = NomineeEvents.Snapshot(nominee, agreement),
            Actor = message.Actor, AuthorizationNumber = nominee.AuthorizationNumber!, Reason = reason, Cause = "agreement-suspended",
        }], cancellationToken);
    }
}

/// <summary>The agreement's suspension ended: authorizations it suspended are in force again. Those ICE suspended one by
/// one stay suspended.</summary>
public sealed class AgreementReinstatedConsumer(NpgsqlDataSource database, TimeProvider clock)
    : AgreementCascade<AgreementReinstated>(database, clock)
{
    protected override string AgreementStatus => "active";

    protected override Task CascadeAsync(AgreementReinstated message, AgreementView agreement, NpgsqlTransaction transaction,
        Actor actor, CancellationToken cancellationToken) =>
        NomineeMoves.ApplyAsync(transaction, new NomineeMove
        {
            Where = "n.agreement_id = @agreementId AND n.status = @suspended AND n.suspension_cause = 'agreement'",
            Set = "status = @authorized, authorization_status = 'active', suspension_cause = NULL, status_reason = NULL",
            Parameters = new
            {
                agreementId = message.AgreementId, authorized = NomineeStatus.Authorized.Key(), suspended = NomineeStatus.Suspended.Key(),
            },
            Action = "agreement-reinstated",
            EffectiveOn = ProgramTime.DateOf(message.OccurredAt),
            Note = message.Note,
        }, actor, Clock.GetUtcNow(), nominee => [new AuthorizationReinstated
        {
            MessageId = Guid.CreateVersion7(), OccurredAt = Clock.GetUtcNow(), Nominee = NomineeEvents.Snapshot(nominee, agreement),
            Actor = message.Actor, AuthorizationNumber = nominee.AuthorizationNumber!, Note = message.Note, Cause = "agreement-reinstated",
        }], cancellationToken);
}
