namespace Program287g.Agreement.Domain;

/// <summary>The agency as the Agency service gave it when it was last seen: the agreement keeps a copy, so that lists,
/// exports and events need no call per row.</summary>
public sealed record AgencySnapshot(Guid Id, string Name, string State, string Type, string? County,
    string? ContactName, string? ContactEmail, long Version)
{
    /// <summary>Lists run by state, then agency name as ICE sorts it: case does not count.</summary>
    public string SortName => Name.ToUpperInvariant();
}
