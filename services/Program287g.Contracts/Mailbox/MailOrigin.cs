namespace Program287g.Contracts.Mailbox;

/// <summary>The email something came in: whom to answer (and in which thread), and when the program received it (the
/// mailbox server's arrival time, from which the one business day is counted, however late it was read).</summary>
public sealed record MailOrigin
{
    /// <summary>The Notification service's record of the message.</summary>
    public required Guid MailboxMessageId { get; init; }
    public required string FromAddress { get; init; }
    public string? FromName { get; init; }
    /// <summary>The email's Message-ID, without angle brackets; the acknowledgment is its reply (In-Reply-To).</summary>
    public string? MessageId { get; init; }
    public required string Subject { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
}
