namespace Program287g.Contracts.Agreement;

/// <summary>An agency applied for a model with a signed Letter of Interest and a signed MOA: acknowledge it.</summary>
public sealed record ApplicationSubmitted : AgreementEvent
{
    public required DateTimeOffset SubmittedAt { get; init; }
    public required string LetterOfInterestSigner { get; init; }
    public required string MoaSigner { get; init; }
    /// <summary>Set when the application came by email: the acknowledgment answers that email, from when it arrived.</summary>
    public Mailbox.MailOrigin? ReceivedByMail { get; init; }
}

/// <summary>The agency withdrew its pending application.</summary>
public sealed record ApplicationWithdrawn : AgreementEvent
{
    public string? Reason { get; init; }
}

/// <summary>ICE declined the pending application.</summary>
public sealed record ApplicationDeclined : AgreementEvent
{
    public required string Reason { get; init; }
}
