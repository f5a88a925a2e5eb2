namespace Program287g.Notification.Domain;

/// <summary>What an email to the program mailbox became. Stored by key.</summary>
public enum MailboxOutcome
{
    /// <summary>An agency's application: the Agreement service makes it and the acknowledgment follows.</summary>
    Application,
    /// <summary>An inquiry, acknowledged (and, when it looked like an application, listed for a person).</summary>
    Inquiry,
    /// <summary>A reply that joined an existing record's history.</summary>
    Correspondence,
    /// <summary>Automatic mail (auto-replies, bounces, lists, our own emails): recorded, never answered.</summary>
    Automatic,
    /// <summary>Larger than the limit: its headers recorded, the message kept on the server, listed for a person.</summary>
    TooLarge,
    /// <summary>Not a readable message: kept as received, listed for a person.</summary>
    Malformed,
}

public static class MailboxOutcomes
{
    public static string Key(this MailboxOutcome outcome) => outcome switch
    {
        MailboxOutcome.Application => "application",
        MailboxOutcome.Inquiry => "inquiry",
        MailboxOutcome.Correspondence => "correspondence",
        MailboxOutcome.Automatic => "automatic",
        MailboxOutcome.TooLarge => "too-large",
        MailboxOutcome.Malformed => "malformed",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static MailboxOutcome Parse(string key) => Enum.GetValues<MailboxOutcome>().Single(outcome => outcome.Key() == key);
}

/// <summary>One email as the mailbox recorded it. Times are UTC.</summary>
public sealed record MailboxMessageRecord
{
    public required Guid Id { get; init; }
    public required string MessageKey { get; init; }
    public string? InternetMessageId { get; init; }
    public required DateTime ReceivedAt { get; init; }
    public required DateTime RecordedAt { get; init; }
    public string? FromAddress { get; init; }
    public string? FromName { get; init; }
    public required string Subject { get; init; }
    public required long SizeBytes { get; init; }
    public required string Outcome { get; init; }
    public required string OutcomeReason { get; init; }
    public string? ReferenceNumber { get; init; }
    public Guid? InquiryId { get; init; }
    public Guid? AgencyId { get; init; }
    public required bool NeedsAttention { get; init; }
    public required string Headers { get; init; }
    public string? TraceParent { get; init; }
    public string? TraceState { get; init; }

    public MailboxOutcome CurrentOutcome => MailboxOutcomes.Parse(Outcome);
}

/// <summary>A copy of a message on the mailbox server, by the server's identity of it.</summary>
public sealed record MailboxCopyRecord(string Folder, long UidValidity, long Uid, DateTime SeenAt);
