namespace Program287g.IceLists;

/// <summary>How a cell stored its value: ICE's SIGNED is a number (or, in July 2025, text), COUNTY an error (#N/A).</summary>
internal enum RawKind
{
    Text,
    Number,
    Error,
    Boolean,
    IsoDate,
}

/// <summary>A cell's value as stored (shared, inline and rich strings already resolved to text) and the targets of
/// its hyperlinks, in sheet order.</summary>
internal sealed record RawCell(string Value, RawKind Kind, IReadOnlyList<string> Links)
{
    public bool IsBlank => Links.Count == 0 && IceText.Clean(Value).Length == 0;
}

internal sealed record RawRow(int Number, IReadOnlyDictionary<int, RawCell> Cells)
{
    /// <summary>Rows with only formatting (ICE's sheets end with dozens) count as blank.</summary>
    public bool IsBlank => Cells.Values.All(cell => cell.IsBlank);

    public RawCell? this[int? column] => column is { } c && Cells.TryGetValue(c, out var cell) ? cell : null;
}

internal sealed record RawSheet(string Name, IReadOnlyList<RawRow> Rows);

internal sealed record RawWorkbook(IReadOnlyList<RawSheet> Sheets, DateTimeOffset? ModifiedAt, bool Date1904);
