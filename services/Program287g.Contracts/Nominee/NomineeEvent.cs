namespace Program287g.Contracts.Nominee;

/// <summary>What every nominee and officer event is about: the nominee as they stand after the change.</summary>
public abstract record NomineeEvent : IntegrationEvent
{
    public required NomineeSnapshot Nominee { get; init; }
    /// <summary>Who made the change: a subject from the caller's token, or "agreement-service" for a cascade.</summary>
    public required string Actor { get; init; }
}

/// <summary>The nominee as an event carries them, so that a consumer (the Notification service writing to the agency)
/// needs no call back to the Nominee service. Personal data stays out: no date of birth, no citizenship, no background
/// details; the officer is named, since the agency that nominated them is who hears of it.</summary>
public sealed record NomineeSnapshot
{
    public required Guid NomineeId { get; init; }
    /// <summary>Quoted in correspondence, e.g. "287G-N-2026-000042".</summary>
    public required string ReferenceNumber { get; init; }
    public required Guid AgencyId { get; init; }
    public required string AgencyName { get; init; }
    /// <summary>USPS code.</summary>
    public required string State { get; init; }
    public required Guid AgreementId { get; init; }
    /// <summary>The agreement's reference number, e.g. "287G-2025-000007".</summary>
    public required string AgreementReference { get; init; }
    /// <summary>"JEM", "TFM" or "WSO": the model of the agreement the officer is nominated under.</summary>
    public required string Model { get; init; }
    /// <summary>The officer as the agency named them, e.g. "Jordan Q. Rivera".</summary>
    public required string OfficerName { get; init; }
    /// <summary>Where the nominee stands after the change, e.g. "authorized".</summary>
    public required string Status { get; init; }
    /// <summary>The agency's point of contact, who correspondence goes to (null when the registry has none).</summary>
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
}
