using Npgsql;
using Program287g.Contracts.Mailbox;
using Program287g.Notification.Data;
using Program287g.Notification.Domain;

namespace Program287g.Notification.Mailbox;

/// <summary>An email as an inquiry, with its acknowledgment, in the caller's transaction: the acknowledgment replies to
/// the email (In-Reply-To) and is owed one business day from when the mailbox received it.</summary>
public sealed class MailInquiries(InquiryOpening opening)
{
    /// <summary>The longest body kept on the inquiry; the whole email is kept on its mailbox record.</summary>
    public const int MaxBodyCharacters = 100_000;

    public async Task<InquiryRecord> CreateAsync(NpgsqlTransaction transaction, MailOrigin mail, string text, Guid? agencyId,
        CancellationToken cancellationToken)
    {
        var body = text.Length > MaxBodyCharacters ? text[..MaxBodyCharacters] + " […]" : text;
        var draft = new InquiryDraft
        {
            InquirerName = string.IsNullOrWhiteSpace(mail.FromName) ? mail.FromAddress : mail.FromName.Trim(),
            ContactEmail = mail.FromAddress, Subject = mail.Subject, Body = body.Length == 0 ? "(no text)" : body,
            AgencyId = agencyId, SubmittedBy = MailIntake.Actor, MailboxMessageId = mail.MailboxMessageId, ReceivedAt = mail.ReceivedAt,
        };
        // The callers hold the email's mailbox record (new in this transaction, or locked and without an inquiry), so no
        // inquiry can have been recorded for it already.
        var opened = await opening.OpenAsync(transaction, draft, new InquiryAcknowledgment(mail.FromName, null, mail.MessageId),
                cancellationToken)
            ?? throw new InvalidOperationException($"Mailbox message {mail.MailboxMessageId} already has an inquiry.");
        return opened.Inquiry;
    }
}
