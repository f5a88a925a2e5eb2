using MassTransit;
using Npgsql;
using Program287g.Contracts.Agreement;
using Program287g.Contracts.Nominee;
using Program287g.Messaging.Inbox;
using Program287g.Notification.Data;
using Program287g.Notification.Domain;

namespace Program287g.Notification.Messaging;

/// <summary>Records the notification an event asks for, in the inbox transaction: a redelivery is stopped by the inbox,
/// and, should the inbox have forgotten the message (it is pruned after a week), by the notification's unique source.
/// The sender, woken by the commit, sends it.</summary>
public abstract class NotificationConsumer<TEvent>(NpgsqlDataSource database, NotificationRecorder recorder)
    : IdempotentConsumer<TEvent>(database) where TEvent : class
{
    protected abstract NotificationDraft Draft(TEvent message, Guid messageId);

    protected override async Task HandleAsync(ConsumeContext<TEvent> context, NpgsqlTransaction transaction) =>
        await recorder.RecordAsync(transaction, Draft(context.Message, context.MessageId!.Value), context.CancellationToken);
}

/// <summary>Acknowledges the application; one that came by email also gives the email's record its reference number.</summary>
public sealed class ApplicationSubmittedConsumer(NpgsqlDataSource database, NotificationRecorder recorder)
    : NotificationConsumer<ApplicationSubmitted>(database, recorder)
{
    protected override NotificationDraft Draft(ApplicationSubmitted message, Guid messageId) => NotificationDrafts.From(message, messageId);

    protected override async Task HandleAsync(ConsumeContext<ApplicationSubmitted> context, NpgsqlTransaction transaction)
    {
        await base.HandleAsync(context, transaction);
        if (context.Message.ReceivedByMail is { } mail)
        {
            await MailboxStore.SetReferenceAsync(transaction, mail.MailboxMessageId, context.Message.ReferenceNumber,
                context.Message.AgencyId, context.CancellationToken);
        }
    }
}

public sealed class AgreementSignedConsumer(NpgsqlDataSource database, NotificationRecorder recorder)
    : NotificationConsumer<AgreementSigned>(database, recorder)
{
    protected override NotificationDraft Draft(AgreementSigned message, Guid messageId) => NotificationDrafts.From(message, messageId);
}

public sealed class OfficerNominatedConsumer(NpgsqlDataSource database, NotificationRecorder recorder)
    : NotificationConsumer<OfficerNominated>(database, recorder)
{
    protected override NotificationDraft Draft(OfficerNominated message, Guid messageId) => NotificationDrafts.From(message, messageId);
}

public sealed class AuthorizationIssuedConsumer(NpgsqlDataSource database, NotificationRecorder recorder)
    : NotificationConsumer<AuthorizationIssued>(database, recorder)
{
    protected override NotificationDraft Draft(AuthorizationIssued message, Guid messageId) => NotificationDrafts.From(message, messageId);
}
