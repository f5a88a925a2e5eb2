namespace Program287g.Contracts.Agreement;

/// <summary>What every application and agreement event carries, so that a consumer (the Notification service writing
/// to the agency, the Nominee service cascading to authorizations) needs no call back to the Agreement service.</summary>
public abstract record AgreementEvent : IntegrationEvent
{
    public required Guid AgreementId { get; init; }
    /// <summary>Quoted in correspondence, e.g. "287G-2026-000042".</summary>
    public required string ReferenceNumber { get; init; }
    public required Guid AgencyId { get; init; }
    public required string AgencyName { get; init; }
    /// <summary>USPS code.</summary>
    public required string State { get; init; }
    /// <summary>"JEM", "TFM" or "WSO".</summary>
    public required string Model { get; init; }
    /// <summary>The agency's point of contact when the agency registry has one (imported agencies have none).</summary>
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    /// <summary>"api" for a change made through the API; "ice-list-import" for one taken from ICE's published lists,
    /// which reports history and asks for no acknowledgment.</summary>
    public required string Source { get; init; }
    /// <summary>Who made the change (a subject from the caller's token).</summary>
    public required string Actor { get; init; }
}
