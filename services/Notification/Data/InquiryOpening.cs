using Npgsql;
using Program287g.Notification.Domain;
using Program287g.Notification.Templates;
using Program287g.Persistence;

namespace Program287g.Notification.Data;

/// <summary>An inquiry as asked, before it is numbered and given its due time.</summary>
public sealed record InquiryDraft
{
    public Guid? RequestId { get; init; }
    public required string InquirerName { get; init; }
    public required string ContactEmail { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public Guid? AgencyId { get; init; }
    public required string SubmittedBy { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public Guid? MailboxMessageId { get; init; }
}

/// <summary>What the acknowledgment says beyond the inquiry: whom it greets (null: "Sir or Madam"), the agency it names,
/// and the email it is the reply to.</summary>
public sealed record InquiryAcknowledgment(string? RecipientName, string? AgencyName, string? InReplyTo);

public sealed record OpenedInquiry(InquiryRecord Inquiry, NotificationRecord Acknowledgment);

/// <summary>Opens an inquiry in the caller's transaction, the same whether it came through SubmitInquiry or the program
/// mailbox: numbered by the year it was received, due one business day from then by the calendar as it stands, inserted,
/// and its acknowledgment queued to the contact email, owed from the same moment.</summary>
public sealed class InquiryOpening(NotificationRecorder recorder, CalendarStore calendars, TimeProvider clock)
{
    /// <summary>The inquiry and its acknowledgment; null, with nothing queued, when its request id (a retried call) or its
    /// email was recorded already: the caller rolls back and finds that one.</summary>
    public async Task<OpenedInquiry?> OpenAsync(NpgsqlTransaction transaction, InquiryDraft draft,
        InquiryAcknowledgment acknowledgment, CancellationToken cancellationToken)
    {
        var calendar = await calendars.CurrentAsync(transaction, cancellationToken);
        var inquiry = new InquiryRecord
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            ReferenceNumber = await InquiryStore.NextReferenceAsync(transaction, draft.ReceivedAt, cancellationToken),
            RequestId = draft.RequestId, InquirerName = draft.InquirerName, ContactEmail = draft.ContactEmail,
            Subject = draft.Subject, Body = draft.Body, AgencyId = draft.AgencyId, SubmittedBy = draft.SubmittedBy,
            MailboxMessageId = draft.MailboxMessageId,
            ReceivedAt = DatabaseTime.ToStoredPrecision(draft.ReceivedAt),
            DueAt = DatabaseTime.ToStoredPrecision(calendar.DueAt(draft.ReceivedAt).DueAt),
        };
        if (!await InquiryStore.InsertAsync(transaction, inquiry, cancellationToken))
        {
            return null;
        }
        var (notification, _) = await recorder.RecordAsync(transaction, new NotificationDraft
        {
            Kind = NotificationKind.InquiryAcknowledgment, SourceId = inquiry.Id, ReferenceNumber = inquiry.ReferenceNumber,
            AgencyId = inquiry.AgencyId, RecipientName = acknowledgment.RecipientName, RecipientEmail = inquiry.ContactEmail,
            ReceivedAt = draft.ReceivedAt, Details = new InquiryReceived(inquiry.Subject, acknowledgment.AgencyName),
            InReplyTo = acknowledgment.InReplyTo,
        }, cancellationToken);
        return new OpenedInquiry(inquiry, notification);
    }
}
