using Npgsql;
using Program287g.Contracts.Mailbox;
using Program287g.Notification.Data;
using Program287g.Notification.Domain;
using Program287g.Notification.Templates;
using Program287g.Persistence;

namespace Program287g.Notification.Mailbox;

/// <summary>An email as an inquiry, with its acknowledgment, in the caller's transaction: the acknowledgment replies to
/// the email (In-Reply-To) and is owed one business day from when the mailbox received it.</summary>
public sealed class MailInquiries(NotificationRecorder recorder, CalendarStore calendars, TimeProvider clock)
{
    /// <summary>The longest body kept on the inquiry; the whole email is kept on its mailbox record.</summary>
    public const int MaxBodyCharacters = 100_000;

    public async Task<InquiryRecord> CreateAsync(NpgsqlTransaction transaction, MailOrigin mail, string text, Guid? agencyId,
        CancellationToken cancellationToken)
    {
        var calendar = await calendars.CurrentAsync(transaction, cancellationToken);
        var body = text.Length > MaxBodyCharacters ? text[..MaxBodyCharacters] + " […]" : text;
        var inquiry = new InquiryRecord
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            ReferenceNumber = await InquiryStore.NextReferenceAsync(transaction, mail.ReceivedAt, cancellationToken),
            InquirerName = string.IsNullOrWhiteSpace(mail.FromName) ? mail.FromAddress : mail.FromName.Trim(),
            ContactEmail = mail.FromAddress, Subject = mail.Subject, Body = body.Length == 0 ? "(no text)" : body,
            AgencyId = agencyId, SubmittedBy = MailIntake.Actor, MailboxMessageId = mail.MailboxMessageId,
            ReceivedAt = DatabaseTime.ToStoredPrecision(mail.ReceivedAt),
            DueAt = DatabaseTime.ToStoredPrecision(calendar.DueAt(mail.ReceivedAt).DueAt),
        };
        await InquiryStore.InsertAsync(transaction, inquiry, cancellationToken);
        await recorder.RecordAsync(transaction, new NotificationDraft
        {
            Kind = NotificationKind.InquiryAcknowledgment, SourceId = inquiry.Id, ReferenceNumber = inquiry.ReferenceNumber,
            AgencyId = agencyId, RecipientName = mail.FromName, RecipientEmail = mail.FromAddress, ReceivedAt = mail.ReceivedAt,
            Details = new InquiryReceived(inquiry.Subject, null), InReplyTo = mail.MessageId,
        }, cancellationToken);
        return inquiry;
    }
}
