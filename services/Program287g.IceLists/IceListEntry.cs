using Program287g.Domain;

namespace Program287g.IceLists;

/// <summary>One row for <see cref="IceListWriter"/>, written the way ICE writes it.</summary>
public sealed record IceListEntry
{
    /// <summary>USPS code (a full name is accepted too); written as ICE does, the full name upper case ("TEXAS").</summary>
    public required string State { get; init; }

    public required string AgencyName { get; init; }

    public required IceAgencyType Type { get; init; }

    /// <summary>Written as #N/A when null, as ICE does.</summary>
    public string? County { get; init; }

    public required ProgramModel Model { get; init; }

    /// <summary>Participating: an Excel date (serial and a date number format).</summary>
    public DateOnly? Signed { get; init; }

    /// <summary>"link" hyperlinked here, or "link pending" when null.</summary>
    public string? MoaUrl { get; init; }

    /// <summary>ADDENDUM column: "link" hyperlinked here, empty when null.</summary>
    public string? AddendumUrl { get; init; }
}
