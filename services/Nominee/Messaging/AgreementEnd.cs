using Npgsql;
using Program287g.Contracts.Agreement;
using Program287g.Contracts.Nominee;
using Program287g.Domain;
using Program287g.Nominee.Data;
using Program287g.Nominee.Domain;

namespace Program287g.Nominee.Messaging;

/// <summary>What an agreement's end does, written once for the consumers that hear of it and the calendar that ends
/// authorizations on the effective date.</summary>
public static class AgreementEnd
{
    /// <summary>Nominations not yet authorized close now: nothing can be issued under an agreement that is ending.</summary>
    public static Task CloseNominationsAsync(NpgsqlTransaction transaction, AgreementEvent message, AgreementView agreement,
        string reason, string cause, Actor actor, DateTimeOffset now, CancellationToken cancellationToken) =>
        NomineeMoves.ApplyAsync(transaction, new NomineeMove
        {
            Where = "n.agreement_id = @agreementId AND n.status = ANY(@open)",
            Set = "status = @ended, status_reason = @reason",
            Parameters = new
            {
                agreementId = message.AgreementId, open = NomineeStatuses.InPipeline.Keys(), ended = NomineeStatus.Ended.Key(), reason,
            },
            Action = cause,
            EffectiveOn = ProgramTime.DateOf(message.OccurredAt),
            Note = reason,
        }, actor, now, nominee => [new NominationClosed
        {
            MessageId = Guid.CreateVersion7(), OccurredAt = now, Nominee = NomineeEvents.Snapshot(nominee, agreement),
            Actor = message.Actor, Cause = cause,
        }], cancellationToken);

    /// <summary>Every authorization under the agreement ends on <paramref name="endsOn"/>: now, if that day has come;
    /// otherwise the day is recorded and the calendar ends them when it comes.</summary>
    public static async Task EndAuthorizationsAsync(NpgsqlTransaction transaction, AgreementView agreement, DateOnly endsOn,
        string reason, string cause, Actor actor, string eventActor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var holding = NomineeStatuses.HoldingAuthorization.Keys();
        if (endsOn <= ProgramTime.DateOf(now))
        {
            await EndAsync(transaction, "n.agreement_id = @agreementId AND n.status = ANY(@holding)",
                new { agreementId = agreement.AgreementId, holding }, endsOn, reason, cause, actor, eventActor, now,
                _ => agreement, skipLocked: false, cancellationToken);
            return;
        }
        await NomineeMoves.ApplyAsync(transaction, new NomineeMove
        {
            Where = "n.agreement_id = @agreementId AND n.status = ANY(@holding)",
            Set = "ends_on = @endsOn",
            Parameters = new { agreementId = agreement.AgreementId, holding, endsOn },
            Action = "end-scheduled",
            EffectiveOn = endsOn,
            Note = reason,
        }, actor, now, _ => [], cancellationToken);
    }

    /// <summary>Ends the authorizations <paramref name="where"/> selects, each with its AuthorizationEnded, on
    /// <paramref name="endedOn"/> or the earlier end already recorded for it (the calendar ends each on its own day).</summary>
    public static Task<List<NomineeRecord>> EndAsync(NpgsqlTransaction transaction, string where, object parameters, DateOnly endedOn,
        string reason, string cause, Actor actor, string eventActor, DateTimeOffset now, Func<NomineeRecord, AgreementView> agreementOf,
        bool skipLocked, CancellationToken cancellationToken, int? limit = null)
    {
        var sets = new Dapper.DynamicParameters(parameters);
        sets.Add("ended", NomineeStatus.Ended.Key());
        sets.Add("endedOn", endedOn);
        sets.Add("endReason", reason);
        return NomineeMoves.ApplyAsync(transaction, new NomineeMove
        {
            Where = where,
            Set = "status = @ended, authorization_status = 'ended', suspension_cause = NULL, "
                + "ends_on = LEAST(coalesce(n.ends_on, @endedOn), @endedOn), status_reason = @endReason",
            Parameters = sets,
            Action = cause,
            EffectiveOn = endedOn,
            EffectiveOnOf = nominee => nominee.EndsOn ?? endedOn,
            Note = reason,
            SkipLocked = skipLocked,
            Limit = limit,
        }, actor, now, nominee => [new AuthorizationEnded
        {
            MessageId = Guid.CreateVersion7(), OccurredAt = now, Nominee = NomineeEvents.Snapshot(nominee, agreementOf(nominee)),
            Actor = eventActor, AuthorizationNumber = nominee.AuthorizationNumber!, EndedOn = nominee.EndsOn ?? endedOn, Cause = cause,
        }], cancellationToken);
    }
}
