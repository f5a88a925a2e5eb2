namespace Program287g.Contracts.Agency;

/// <summary>An agency's details changed; carries them whole, as they are after the change.</summary>
public sealed record AgencyUpdated : IntegrationEvent
{
    public required Guid AgencyId { get; init; }
    public required long Version { get; init; }
    public required string Name { get; init; }
    /// <summary>USPS code.</summary>
    public required string State { get; init; }
    public required string Type { get; init; }
    public required string Kind { get; init; }
    public string? County { get; init; }
    public string? AgencyHead { get; init; }
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
}
