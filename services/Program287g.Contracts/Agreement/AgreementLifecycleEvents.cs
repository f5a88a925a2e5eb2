namespace Program287g.Contracts.Agreement;

/// <summary>ICE signed: the agreement is in force from <see cref="ActiveFrom"/>, and officers may be nominated under it.</summary>
public sealed record AgreementSigned : AgreementEvent
{
    public required DateOnly ActiveFrom { get; init; }
    public required string IceSignerName { get; init; }
    public required string IceSignerTitle { get; init; }
    /// <summary>The agreement this one re-signs, when it supersedes one.</summary>
    public Guid? Supersedes { get; init; }
}

/// <summary>ICE suspended the agreement: every authorization under it is suspended too.</summary>
public sealed record AgreementSuspended : AgreementEvent
{
    public required string Reason { get; init; }
}

/// <summary>The suspension ended: the agreement is in force again.</summary>
public sealed record AgreementReinstated : AgreementEvent
{
    public string? Note { get; init; }
}

/// <summary>Written notice of termination: the agreement, and every authorization under it, ends on
/// <see cref="EffectiveOn"/>.</summary>
public sealed record AgreementTerminated : AgreementEvent
{
    /// <summary>"agency" or "ice".</summary>
    public required string NoticeGivenBy { get; init; }
    public required DateOnly NoticeDate { get; init; }
    public required DateOnly EffectiveOn { get; init; }
    public string? Reason { get; init; }
}

/// <summary>A re-signed agreement replaced this one: it ends now; authorizations end with it (officers are
/// nominated again under <see cref="SupersededBy"/>).</summary>
public sealed record AgreementSuperseded : AgreementEvent
{
    public required Guid SupersededBy { get; init; }
}
