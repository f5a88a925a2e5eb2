namespace Program287g.Contracts.Agency;

/// <summary>A law enforcement agency was registered. The point of contact is who acknowledgments go to.</summary>
public sealed record AgencyRegistered : IntegrationEvent
{
    public required Guid AgencyId { get; init; }
    public required string Name { get; init; }
    /// <summary>USPS code.</summary>
    public required string State { get; init; }
    public required string Type { get; init; }
    public required string Kind { get; init; }
    public string? County { get; init; }
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
}
