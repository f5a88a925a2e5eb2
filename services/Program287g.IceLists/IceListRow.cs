using Program287g.Domain;

namespace Program287g.IceLists;

/// <summary>One agreement (participating) or application (pending) as read from ICE's sheet, cleaned.</summary>
public sealed record IceListRow
{
    /// <summary>The spreadsheet row number (the header is row 1 in ICE's files).</summary>
    public required int RowNumber { get; init; }

    /// <summary>USPS code.</summary>
    public required string State { get; init; }

    /// <summary>Trimmed, non-breaking spaces made spaces, inner runs of spaces collapsed; case kept.</summary>
    public required string AgencyName { get; init; }

    public required IceAgencyType Type { get; init; }

    /// <summary>Null for a blank cell or #N/A.</summary>
    public string? County { get; init; }

    public required ProgramModel Model { get; init; }

    /// <summary>Participating only.</summary>
    public DateOnly? Signed { get; init; }

    /// <summary>The MOA cell's hyperlink, Outlook safelinks unwrapped; null when the cell has none.</summary>
    public string? MoaUrl { get; init; }

    /// <summary>The MOA cell says "link pending".</summary>
    public bool MoaPending { get; init; }

    /// <summary>The ADDENDUM cell's hyperlink, or the second hyperlink of a "link | addendum" MOA cell; unwrapped.</summary>
    public string? AddendumUrl { get; init; }

    /// <summary>The row as an entry for <see cref="IceListWriter"/>.</summary>
    public IceListEntry ToEntry() => new()
    {
        State = State,
        AgencyName = AgencyName,
        Type = Type,
        County = County,
        Model = Model,
        Signed = Signed,
        MoaUrl = MoaUrl,
        AddendumUrl = AddendumUrl,
    };
}

/// <summary>Why a row was not taken. Column is one of <see cref="IceListColumns"/>; RawValue is the cell as found.</summary>
public sealed record IceRowProblem(int RowNumber, string Column, string Reason, string? RawValue);
