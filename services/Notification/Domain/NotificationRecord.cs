namespace Program287g.Notification.Domain;

/// <summary>One acknowledgment or notice as stored: what it answers, whom it goes to, when it is due and how sending
/// it went. Times are UTC.</summary>
public sealed record NotificationRecord
{
    public required Guid Id { get; init; }
    public required string Kind { get; init; }
    public required Guid SourceId { get; init; }
    public required string ReferenceNumber { get; init; }
    public Guid? AgencyId { get; init; }
    public string? RecipientName { get; init; }
    public string? RecipientEmail { get; init; }
    public required string Status { get; init; }
    public string? StatusReason { get; init; }
    public required DateTime ReceivedAt { get; init; }
    public DateTime? DueAt { get; init; }
    public DateTime? SentAt { get; init; }
    public required string Details { get; init; }
    public required string MessageId { get; init; }
    public int Attempts { get; init; }
    public DateTime? AttemptStartedAt { get; init; }
    public required DateTime NextAttemptAt { get; init; }
    public int DeliveryChecks { get; init; }
    public string? LastError { get; init; }
    public string? DeliveryNote { get; init; }
    public string? TraceParent { get; init; }
    public string? TraceState { get; init; }
    public required DateTime CreatedAt { get; init; }
    /// <summary>The Message-ID of the email this one answers (an acknowledgment of an email is its reply).</summary>
    public string? InReplyTo { get; init; }

    public NotificationKind CurrentKind => NotificationKinds.Parse(Kind);

    public NotificationStatus CurrentStatus => NotificationStatuses.Parse(Status);

    public Timeliness TimelinessAt(DateTimeOffset now) => Timelinesses.Of(DueAt, SentAt, now);
}

/// <summary>A notification to record: what the event or request it answers says. The recorder adds the due time and
/// decides, from the recipient, whether it can be sent.</summary>
public sealed record NotificationDraft
{
    public required NotificationKind Kind { get; init; }
    /// <summary>The event's message id, or the inquiry's id: with the kind, the notification's identity.</summary>
    public required Guid SourceId { get; init; }
    public required string ReferenceNumber { get; init; }
    public Guid? AgencyId { get; init; }
    public string? RecipientName { get; init; }
    public string? RecipientEmail { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    /// <summary>Set when nothing is owed, saying why (the event reports history from ICE's lists).</summary>
    public string? NotRequiredBecause { get; init; }
    /// <summary>The kind's template values (one of the records in <see cref="Templates"/>).</summary>
    public required object Details { get; init; }
    /// <summary>The Message-ID of the email it answers, when what it answers came by email.</summary>
    public string? InReplyTo { get; init; }
}
