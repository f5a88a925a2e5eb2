namespace Program287g.Contracts.Nominee;

/// <summary>The field office issued the officer's authorization (ICE Form 70-006, "Designated Immigration Officer"):
/// send the agency the notice.</summary>
public sealed record AuthorizationIssued : NomineeEvent
{
    /// <summary>E.g. "DIO-2026-000123".</summary>
    public required string AuthorizationNumber { get; init; }
    public required DateOnly IssuedOn { get; init; }
    public required string IssuingOffice { get; init; }
    public required DateOnly RefresherDueOn { get; init; }
    /// <summary>When the authorization lapses unless renewed (the Task Force Model's first two years); null when it runs
    /// as long as the agreement.</summary>
    public DateOnly? ExpiresOn { get; init; }
}

/// <summary>The authorization was suspended: by ICE for this officer, or because the agreement was suspended.</summary>
public sealed record AuthorizationSuspended : NomineeEvent
{
    public required string AuthorizationNumber { get; init; }
    public required string Reason { get; init; }
    /// <summary>"officer" (ICE suspended this authorization) or "agreement-suspended".</summary>
    public required string Cause { get; init; }
}

/// <summary>The suspension ended: the authorization is in force again.</summary>
public sealed record AuthorizationReinstated : NomineeEvent
{
    public required string AuthorizationNumber { get; init; }
    public string? Note { get; init; }
    /// <summary>"officer" or "agreement-reinstated".</summary>
    public required string Cause { get; init; }
}

/// <summary>ICE revoked the authorization; the officer may no longer use the delegated authority.</summary>
public sealed record AuthorizationRevoked : NomineeEvent
{
    public required string AuthorizationNumber { get; init; }
    public required string Reason { get; init; }
}

/// <summary>The authorization ended with its agreement: for good (officers are nominated again under a new one).</summary>
public sealed record AuthorizationEnded : NomineeEvent
{
    public required string AuthorizationNumber { get; init; }
    public required DateOnly EndedOn { get; init; }
    /// <summary>"agreement-terminated" or "agreement-superseded".</summary>
    public required string Cause { get; init; }
}

/// <summary>The authorization's term ran out without refresher training (the Task Force Model's first two years); a
/// refresher recorded later renews it.</summary>
public sealed record AuthorizationExpired : NomineeEvent
{
    public required string AuthorizationNumber { get; init; }
    public required DateOnly ExpiredOn { get; init; }
}

/// <summary>The officer completed refresher training: the next refresher (and, where the authorization has a term,
/// its end) moves on.</summary>
public sealed record RefresherTrainingRecorded : NomineeEvent
{
    public required string AuthorizationNumber { get; init; }
    public required DateOnly CompletedOn { get; init; }
    public required DateOnly RefresherDueOn { get; init; }
    public DateOnly? ExpiresOn { get; init; }
}
