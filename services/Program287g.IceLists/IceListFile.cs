namespace Program287g.IceLists;

/// <summary>A whole list as read: the rows that could be taken and, for every row that could not, why.</summary>
public sealed record IceListFile
{
    public required IceListKind Kind { get; init; }

    /// <summary>The header texts as found, cleaned, in sheet order.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>docProps/core.xml dcterms:modified. ICE's "as of" time is roughly this moment.</summary>
    public DateTimeOffset? ModifiedAt { get; init; }

    public required IReadOnlyList<IceListRow> Rows { get; init; }

    /// <summary>A row may have several problems; a row with any is not in <see cref="Rows"/>.</summary>
    public required IReadOnlyList<IceRowProblem> Problems { get; init; }
}

/// <summary>The file is not an xlsx, or not one of ICE's lists; the message names what is missing.</summary>
public sealed class IceListFormatException(string message) : Exception(message);
