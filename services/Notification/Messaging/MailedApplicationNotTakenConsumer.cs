using MassTransit;
using Npgsql;
using Program287g.Contracts.Mailbox;
using Program287g.Messaging.Inbox;
using Program287g.Notification.Data;
using Program287g.Notification.Domain;
using Program287g.Notification.Mailbox;

namespace Program287g.Notification.Messaging;

/// <summary>The Agreement service could not make the emailed application: the email goes to a person as an inquiry.
/// One that was an inquiry already (staff filed it) is opened again; one that was not becomes one, acknowledged as the
/// reply to the email, so the sender hears within the business day either way.</summary>
public sealed class MailedApplicationNotTakenConsumer(NpgsqlDataSource database, MailInquiries inquiries)
    : IdempotentConsumer<MailedApplicationNotTaken>(database)
{
    protected override async Task HandleAsync(ConsumeContext<MailedApplicationNotTaken> context, NpgsqlTransaction transaction)
    {
        var refused = context.Message;
        var cancellationToken = context.CancellationToken;
        var message = await MailboxStore.LockAsync(transaction, refused.Mail.MailboxMessageId, cancellationToken);
        if (message is null)
        {
            return; // not this service's email: nothing of it to put before a person
        }
        var reason = $"Not taken as the {refused.Model} application: {refused.Reason}";
        var inquiryId = message.InquiryId;
        string? reference = null;
        if (inquiryId is { } existing)
        {
            await InquiryStore.ReopenAsync(transaction, existing, cancellationToken);
        }
        else
        {
            var raw = await MailboxStore.RawAsync(transaction, message.Id, cancellationToken);
            var text = raw is not null && IncomingMail.Parse(raw) is { } mail ? mail.Text : "";
            var inquiry = await inquiries.CreateAsync(transaction, refused.Mail, text, refused.AgencyId, cancellationToken);
            (inquiryId, reference) = (inquiry.Id, inquiry.ReferenceNumber);
        }
        await MailboxStore.UpdateOutcomeAsync(transaction, message.Id, MailboxOutcome.Inquiry, reason, needsAttention: true, reference,
            inquiryId, refused.AgencyId, cancellationToken);
    }
}
