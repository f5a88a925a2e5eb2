namespace Program287g.IceLists;

/// <summary>A sheet's hyperlinks: the &lt;hyperlink ref r:id&gt; elements resolved through the sheet's relationships
/// to their targets. ICE's MOA cells only say "link"; the PDF's address is here. Internal links (to a place in the
/// workbook) have no r:id and are left out.</summary>
internal sealed class SheetHyperlinks
{
    private readonly Dictionary<(int Row, int Column), List<string>> _byCell = [];
    private readonly List<(int FirstRow, int FirstColumn, int LastRow, int LastColumn, string Target)> _ranges = [];

    public SheetHyperlinks(IEnumerable<(string Reference, string RelationshipId)> links, IReadOnlyDictionary<string, string> targets)
    {
        foreach (var (reference, id) in links)
        {
            if (targets.TryGetValue(id, out var target))
            {
                Add(reference, target);
            }
        }
    }

    /// <summary>The targets of every hyperlink on the cell, in sheet order.</summary>
    public IReadOnlyList<string> At(int row, int column)
    {
        IReadOnlyList<string> single = _byCell.TryGetValue((row, column), out var list) ? list : [];
        if (_ranges.Count == 0)
        {
            return single;
        }
        return [.. single, .. _ranges
            .Where(r => row >= r.FirstRow && row <= r.LastRow && column >= r.FirstColumn && column <= r.LastColumn)
            .Select(r => r.Target)];
    }

    // One cell ("G2") is the usual case and is looked up directly; a range ("G2:G9") is checked cell by cell.
    private void Add(string reference, string target)
    {
        var ends = reference.Split(':');
        var (row, column) = (CellReference.Row(ends[0]), CellReference.Column(ends[0]));
        var (lastRow, lastColumn) = ends.Length > 1 ? (CellReference.Row(ends[1]), CellReference.Column(ends[1])) : (row, column);
        if (row is not { } r || column is not { } c || lastRow is not { } lr || lastColumn is not { } lc)
        {
            return;
        }
        if (r == lr && c == lc)
        {
            if (!_byCell.TryGetValue((r, c), out var list))
            {
                _byCell[(r, c)] = list = [];
            }
            list.Add(target);
        }
        else
        {
            _ranges.Add((r, c, lr, lc, target));
        }
    }
}
