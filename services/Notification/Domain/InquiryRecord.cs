namespace Program287g.Notification.Domain;

/// <summary>An inquiry as stored. Its answer is due one business day after it was received.</summary>
public sealed record InquiryRecord
{
    public required Guid Id { get; init; }
    public required string ReferenceNumber { get; init; }
    public Guid? RequestId { get; init; }
    public required string InquirerName { get; init; }
    public required string ContactEmail { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public Guid? AgencyId { get; init; }
    public required string SubmittedBy { get; init; }
    public required DateTime ReceivedAt { get; init; }
    public required DateTime DueAt { get; init; }
    public DateTime? AnsweredAt { get; init; }
    public string? AnsweredBy { get; init; }
    public string? Answer { get; init; }
    /// <summary>The email it came as, when it came to the program mailbox.</summary>
    public Guid? MailboxMessageId { get; init; }

    public bool IsAnswered => AnsweredAt is not null;

    public Timeliness TimelinessAt(DateTimeOffset now) => Timelinesses.Of(DueAt, AnsweredAt, now);
}

/// <summary>"287G-Q-" + the year received + a number from a sequence, unique for ever, in the style of the
/// Agreement service's "287G-2026-000042" and the Nominee service's "287G-N-2026-000042".</summary>
public static class InquiryReferences
{
    public static string Format(DateTimeOffset receivedAt, long number) => $"287G-Q-{receivedAt.UtcDateTime.Year}-{number:D6}";
}
