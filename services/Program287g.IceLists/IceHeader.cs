namespace Program287g.IceLists;

/// <summary>Where the header row is and which column holds what. Found by its texts, not its position, because
/// ICE changed the columns three times in 2025 (COUNTY added in March, ADDENDUM by July).</summary>
internal sealed record IceHeader(int RowNumber, IReadOnlyList<string> Columns, IReadOnlyDictionary<string, int> Index, IceListKind Kind)
{
    // ICE's header is row 1; a title or a note above it should not stop the reader, a long search is pointless.
    private const int RowsSearched = 20;

    public int? this[string column] => Index.TryGetValue(column, out var i) ? i : null;

    public static (RawSheet Sheet, IceHeader Header) Find(RawWorkbook book, IceListKind? expected)
    {
        foreach (var sheet in book.Sheets)
        {
            foreach (var row in sheet.Rows.Where(r => !r.IsBlank).Take(RowsSearched))
            {
                var known = KnownColumns(row);
                // Two of ICE's headers in one row make it the header; a data row never reads "STATE" and "TYPE".
                if (known.Count >= 2)
                {
                    return (sheet, Build(row, known, expected));
                }
            }
        }
        throw new IceListFormatException(
            $"Not an ICE list: no sheet has a header row with {string.Join(", ", IceListColumns.Required(IceListKind.Pending))} in its first {RowsSearched} rows.");
    }

    private static List<(string Name, int Column)> KnownColumns(RawRow row) =>
        [.. from cell in row.Cells.OrderBy(c => c.Key)
            from name in IceListColumns.All
            where IceText.Key(cell.Value.Value) == IceText.Key(name)
            select (name, cell.Key)];

    private static IceHeader Build(RawRow row, List<(string Name, int Column)> known, IceListKind? expected)
    {
        if (known.GroupBy(k => k.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new IceListFormatException($"The header (row {row.Number}) has column {twice.Key} twice.");
        }
        var index = known.ToDictionary(k => k.Name, k => k.Column);
        // Only the participating list says when an agreement was signed and links its MOA.
        var kind = index.ContainsKey(IceListColumns.Signed) || index.ContainsKey(IceListColumns.Moa)
            ? IceListKind.Participating
            : IceListKind.Pending;
        if (expected is { } wanted && wanted != kind)
        {
            throw new IceListFormatException(kind == IceListKind.Participating
                ? $"Expected a pending list, but the header (row {row.Number}) has SIGNED or MOA: this is a participating list."
                : $"Expected a participating list, but the header (row {row.Number}) has neither SIGNED nor MOA: this is a pending list.");
        }
        var missing = IceListColumns.Required(kind).Where(name => !index.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            throw new IceListFormatException(
                $"Not an ICE {kind.ToString().ToLowerInvariant()} list: the header (row {row.Number}) has no {string.Join(", ", missing)} column.");
        }
        var columns = row.Cells.OrderBy(c => c.Key).Select(c => IceText.Clean(c.Value.Value)).Where(text => text.Length > 0).ToList();
        return new IceHeader(row.Number, columns, index, kind);
    }
}
