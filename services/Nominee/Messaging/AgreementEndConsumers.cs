using Npgsql;
using Program287g.Contracts.Agreement;
using Program287g.Domain;
using Program287g.Nominee.Domain;

namespace Program287g.Nominee.Messaging;

/// <summary>Written notice of termination: nominations on their way under the agreement close at once (no authorization
/// can follow under an ending agreement), and every authorization ends on the effective date: at once when that date
/// has come, else by the <see cref="Terms.AuthorizationCalendar"/> when it does.</summary>
public sealed class AgreementTerminatedConsumer(NpgsqlDataSource database, TimeProvider clock)
    : AgreementCascade<AgreementTerminated>(database, clock)
{
    protected override string AgreementStatus => "terminated";

    protected override async Task CascadeAsync(AgreementTerminated message, AgreementView agreement, NpgsqlTransaction transaction,
        Actor actor, CancellationToken cancellationToken)
    {
        var reason = $"Agreement {message.ReferenceNumber} terminated (notice by {message.NoticeGivenBy}), effective {message.EffectiveOn:yyyy-MM-dd}";
        var now = Clock.GetUtcNow();
        await AgreementEnd.CloseNominationsAsync(transaction, message, agreement, reason, "agreement-terminated", actor, now, cancellationToken);
        await AgreementEnd.EndAuthorizationsAsync(transaction, agreement, message.EffectiveOn, reason, "agreement-terminated", actor,
            message.Actor, now, cancellationToken);
    }
}

/// <summary>A re-signed agreement replaced this one, which ends now: nominations on their way close and authorizations
/// end at once (officers are nominated again under the replacement).</summary>
public sealed class AgreementSupersededConsumer(NpgsqlDataSource database, TimeProvider clock)
    : AgreementCascade<AgreementSuperseded>(database, clock)
{
    protected override string AgreementStatus => "superseded";

    protected override async Task CascadeAsync(AgreementSuperseded message, AgreementView agreement, NpgsqlTransaction transaction,
        Actor actor, CancellationToken cancellationToken)
    {
        var reason = $"Agreement {message.ReferenceNumber} superseded by {message.SupersededBy}; nominate again under the new agreement";
        var now = Clock.GetUtcNow();
        await AgreementEnd.CloseNominationsAsync(transaction, message, agreement, reason, "agreement-superseded", actor, now, cancellationToken);
        await AgreementEnd.EndAuthorizationsAsync(transaction, agreement, ProgramTime.DateOf(message.OccurredAt), reason,
            "agreement-superseded", actor, message.Actor, now, cancellationToken);
    }
}
