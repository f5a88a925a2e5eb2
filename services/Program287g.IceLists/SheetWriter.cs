using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Program287g.IceLists;

/// <summary>Collects one worksheet's rows, shared strings and hyperlinks, as Excel lays them out.</summary>
internal sealed class SheetWriter(WorksheetPart part)
{
    private readonly SheetData _data = new();
    private readonly Hyperlinks _links = new();
    private readonly Dictionary<string, int> _stringIndex = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];
    private readonly Dictionary<Cell, string> _linkTargets = new(ReferenceEqualityComparer.Instance);
    private int _row;

    public void AddRow(IEnumerable<Cell> cells)
    {
        _row++;
        var row = new Row { RowIndex = (uint)_row };
        var column = 0;
        foreach (var cell in cells)
        {
            column++;
            cell.CellReference = CellReference.Name(_row, column);
            if (_linkTargets.Remove(cell, out var target))
            {
                var relationship = part.AddHyperlinkRelationship(new Uri(target, UriKind.RelativeOrAbsolute), isExternal: true);
                _links.Append(new Hyperlink { Reference = cell.CellReference, Id = relationship.Id });
            }
            row.Append(cell);
        }
        _data.Append(row);
    }

    public Cell Text(string text, uint style = WriterStyles.Plain)
    {
        if (!_stringIndex.TryGetValue(text, out var index))
        {
            _stringIndex[text] = index = _strings.Count;
            _strings.Add(text);
        }
        return new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(index), StyleIndex = style };
    }

    /// <summary>"link" text whose hyperlink is added with the row (the cell reference is only known then).</summary>
    public Cell Hyperlink(string text, string target)
    {
        var cell = Text(text, WriterStyles.Link);
        _linkTargets[cell] = target;
        return cell;
    }

    public static Cell Date(DateOnly date) =>
        new() { CellValue = new CellValue(SignedDates.ToSerial(date)), StyleIndex = WriterStyles.Date };

    public static Cell Error(string error) =>
        new() { DataType = CellValues.Error, CellValue = new CellValue(error), StyleIndex = WriterStyles.Plain };

    public static Cell Empty() => new() { StyleIndex = WriterStyles.Plain };

    public Worksheet Worksheet(int columns)
    {
        var widths = new Columns();
        for (uint c = 1; c <= columns; c++)
        {
            // The agency name is long; the rest fit in ICE's narrower widths.
            widths.Append(new Column { Min = c, Max = c, Width = c == 2 ? 58 : 22, CustomWidth = true });
        }
        var worksheet = new Worksheet(widths, _data);
        if (_links.HasChildren)
        {
            worksheet.Append(_links);
        }
        return worksheet;
    }

    public SharedStringTable SharedStrings() => new(_strings.Select(s => new SharedStringItem(new Text(s)
    {
        Space = s.Trim() == s ? null : SpaceProcessingModeValues.Preserve,
    })))
    {
        Count = (uint)_strings.Count,
        UniqueCount = (uint)_strings.Count,
    };
}
