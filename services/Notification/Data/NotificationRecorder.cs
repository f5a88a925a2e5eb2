using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using Program287g.Notification.Domain;
using Program287g.Notification.Sending;
using Program287g.Persistence;

namespace Program287g.Notification.Data;

/// <summary>Turns a draft into the notification row, inside the transaction of what it answers (the consumer's inbox
/// transaction, the RPC's): its due time by the calendar as it stands, whether it can be sent, its Message-ID, and the
/// trace context of the moment, so that the send is a span of the same trace.</summary>
public sealed class NotificationRecorder(CalendarStore calendars, IOptions<SendingOptions> sending, TimeProvider clock)
{
    public const string NoContact = "The agency has no point of contact on record.";
    public const string NotAnAddress = "The recipient on record is not an email address.";

    /// <summary>Records the notification, or, when one for the same source and kind exists, leaves it and returns that.</summary>
    public async Task<(NotificationRecord Notification, bool Created)> RecordAsync(NpgsqlTransaction transaction,
        NotificationDraft draft, CancellationToken cancellationToken)
    {
        var calendar = await calendars.CurrentAsync(transaction, cancellationToken);
        var notification = Build(draft, calendar, sending.Value.MessageIdDomain, clock.GetUtcNow());
        return await NotificationStore.InsertAsync(transaction, notification, cancellationToken)
            ? (notification, true)
            : (await NotificationStore.FindBySourceAsync(transaction, draft.SourceId, draft.Kind, cancellationToken), false);
    }

    internal static NotificationRecord Build(NotificationDraft draft, BusinessCalendar calendar, string messageIdDomain,
        DateTimeOffset now)
    {
        var (status, reason) = draft.NotRequiredBecause is { } because
            ? (NotificationStatus.NotRequired, because)
            : string.IsNullOrWhiteSpace(draft.RecipientEmail) ? (NotificationStatus.Undeliverable, NoContact)
            : !EmailAddresses.IsValid(draft.RecipientEmail) ? (NotificationStatus.Undeliverable, NotAnAddress)
            : (NotificationStatus.Pending, (string?)null);
        var id = Guid.CreateVersion7(now);
        var activity = Activity.Current;
        return new NotificationRecord
        {
            Id = id,
            Kind = draft.Kind.Key(),
            SourceId = draft.SourceId,
            ReferenceNumber = draft.ReferenceNumber,
            AgencyId = draft.AgencyId,
            RecipientName = Blank(draft.RecipientName),
            RecipientEmail = Blank(draft.RecipientEmail),
            Status = status.Key(),
            StatusReason = reason,
            ReceivedAt = DatabaseTime.ToStoredPrecision(draft.ReceivedAt),
            DueAt = status == NotificationStatus.NotRequired ? null : DatabaseTime.ToStoredPrecision(calendar.DueAt(draft.ReceivedAt).DueAt),
            Details = JsonSerializer.Serialize(draft.Details, draft.Details.GetType()),
            // Fixed here, so that every attempt, a resend after a crash included, carries the same Message-ID.
            MessageId = $"{id:N}@{messageIdDomain}",
            NextAttemptAt = DatabaseTime.ToStoredPrecision(now),
            TraceParent = activity?.Id,
            TraceState = activity?.TraceStateString,
            CreatedAt = DatabaseTime.ToStoredPrecision(now),
            InReplyTo = draft.InReplyTo,
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
