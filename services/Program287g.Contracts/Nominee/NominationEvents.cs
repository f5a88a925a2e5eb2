namespace Program287g.Contracts.Nominee;

/// <summary>An agency nominated an officer under one of its agreements: acknowledge it to the agency's point of contact.
/// <see cref="NomineeEligibilityDecided"/> follows in the same transaction.</summary>
public sealed record OfficerNominated : NomineeEvent
{
    /// <summary>When the nomination was received: the acknowledgment is due one business day after it.</summary>
    public required DateTimeOffset NominatedAt { get; init; }
    /// <summary>The agency head who attested the officer knows and has enforced the jurisdiction's laws.</summary>
    public required string NominatedBy { get; init; }
}

/// <summary>Eligibility was decided at nomination. An ineligible nominee is kept, with every reason, and goes no further.</summary>
public sealed record NomineeEligibilityDecided : NomineeEvent
{
    public required bool Eligible { get; init; }
    /// <summary>Every reason that applies: "not-us-citizen", "no-jurisdiction-attestation", "less-than-two-years-sworn".</summary>
    public required IReadOnlyList<string> Reasons { get; init; }
}

/// <summary>The agency withdrew the nomination before an authorization was issued.</summary>
public sealed record NominationWithdrawn : NomineeEvent
{
    public string? Reason { get; init; }
}

/// <summary>A nomination still on its way (not yet authorized) was closed because its agreement ended.</summary>
public sealed record NominationClosed : NomineeEvent
{
    /// <summary>"agreement-terminated" or "agreement-superseded".</summary>
    public required string Cause { get; init; }
}
