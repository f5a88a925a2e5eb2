using Dapper;
using MassTransit;
using Npgsql;
using Program287g.Contracts.Agreement;
using Program287g.Messaging.Inbox;
using Program287g.Nominee.Data;
using Program287g.Nominee.Domain;

namespace Program287g.Nominee.Messaging;

/// <summary>What an agreement's change does to the nominees under it, applied exactly once: the inbox stops a redelivered
/// message, and the agreement's recorded status stops the same news arriving again under another id or out of order
/// (a suspension older than the reinstatement already applied changes nothing). The agreement's row is locked for the
/// whole cascade, so no nominee step under it interleaves.</summary>
public abstract class AgreementCascade<TEvent>(NpgsqlDataSource database, TimeProvider clock) : IdempotentConsumer<TEvent>(database)
    where TEvent : AgreementEvent
{
    /// <summary>The agreement's status after the event, as the Agreement service names it.</summary>
    protected abstract string AgreementStatus { get; }

    protected TimeProvider Clock => clock;

    protected sealed override async Task HandleAsync(ConsumeContext<TEvent> context, NpgsqlTransaction transaction)
    {
        var message = context.Message;
        var cancellationToken = context.CancellationToken;
        // The first this service may hear of the agency: known details, version 0, so any later read or update wins.
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO agencies (agency_id, name, state, contact_name, contact_email, version)
            VALUES (@AgencyId, @AgencyName, @State, @ContactName, @ContactEmail, 0)
            ON CONFLICT (agency_id) DO NOTHING
            """, message, transaction, cancellationToken: cancellationToken));
        var news = new AgreementView
        {
            AgreementId = message.AgreementId, ReferenceNumber = message.ReferenceNumber, Model = message.Model,
            Status = AgreementStatus, StatusAt = message.OccurredAt.UtcDateTime, AgencyId = message.AgencyId,
            AgencyName = message.AgencyName, State = message.State,
        };
        if (!await AgreementMirror.RecordStatusAsync(transaction, news, cancellationToken))
        {
            return; // older news than what is recorded, or the agreement already ended
        }
        var agreement = (await AgreementMirror.LockAsync(transaction, message.AgreementId, exclusive: true, cancellationToken))!;
        await CascadeAsync(message, agreement, transaction, Actor.Cascade(message.Actor), cancellationToken);
    }

    /// <summary>The nominees' side of the change, inside the inbox transaction.</summary>
    protected abstract Task CascadeAsync(TEvent message, AgreementView agreement, NpgsqlTransaction transaction, Actor actor,
        CancellationToken cancellationToken);

    protected static string[] Keys(params NomineeStatus[] statuses) => statuses.Keys();
}
