namespace Program287g.Agency.Domain;

/// <summary>An agency as stored: the row of the agencies table.</summary>
public sealed record AgencyRecord
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required string NormalizedName { get; init; }
    public required string State { get; init; }
    public required string Type { get; init; }
    public required string Kind { get; init; }
    public string? County { get; init; }
    public string? AgencyHead { get; init; }
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public required DateTime RegisteredAt { get; init; }
    public required DateTime UpdatedAt { get; init; }
    public long Version { get; init; } = 1;
}
