using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Program287g.UnitTests.IceLists;

/// <summary>Builds xlsx files the way ICE's spreadsheets are built: one "Sheet1", shared strings, dates as serial
/// numbers, MOA hyperlinks through relationships, #N/A error cells, optionally a filter that hides rows and empty
/// formatted rows below the data. A null cell is left out of the row, so cell references skip it.</summary>
internal sealed class IceSheetBuilder
{
    public static readonly FixtureCell[] JulyParticipating = ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA", "ADDENDUM"];
    public static readonly FixtureCell[] MarchParticipating = ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA"];
    public static readonly FixtureCell[] FebruaryParticipating = ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "SUPPORT TYPE", "SIGNED", "MOA"];
    public static readonly FixtureCell[] MarchPending = ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE"];
    public static readonly FixtureCell[] FebruaryPending = ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "SUPPORT TYPE"];

    private readonly List<(FixtureCell?[] Cells, bool Hidden)> _rows = [];

    /// <summary>dcterms:modified; the July 18, 2025 participating file's by default.</summary>
    public DateTime? Modified { get; init; } = new(2025, 7, 18, 17, 43, 2, DateTimeKind.Utc);

    /// <summary>sheetPr filterMode="1", as in ICE's March 27 participating file.</summary>
    public bool FilterMode { get; init; }

    /// <summary>Leave out the (optional) r attributes of rows and cells.</summary>
    public bool WithoutReferences { get; init; }

    public IceSheetBuilder Row(params FixtureCell?[] cells)
    {
        _rows.Add((cells, false));
        return this;
    }

    public IceSheetBuilder HiddenRow(params FixtureCell?[] cells)
    {
        _rows.Add((cells, true));
        return this;
    }

    public IceSheetBuilder EmptyFormattedRows(int count, int columns = 8)
    {
        for (var i = 0; i < count; i++)
        {
            Row([.. Enumerable.Range(0, columns).Select(_ => FixtureCell.Formatted())]);
        }
        return this;
    }

    public MemoryStream Build()
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var strings = new List<OpenXmlElement[]>();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var links = new Hyperlinks();
            for (var r = 0; r < _rows.Count; r++)
            {
                var (cells, hidden) = _rows[r];
                var row = new Row { RowIndex = WithoutReferences ? null : (uint)(r + 1), Hidden = hidden ? true : null };
                for (var c = 0; c < cells.Length; c++)
                {
                    if (cells[c] is not { } cell)
                    {
                        continue;
                    }
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    row.Append(ToCell(cell, WithoutReferences ? null : reference, strings));
                    foreach (var url in cell.Links)
                    {
                        var relationship = sheetPart.AddHyperlinkRelationship(new Uri(url, UriKind.RelativeOrAbsolute), true);
                        links.Append(new Hyperlink { Reference = reference, Id = relationship.Id });
                    }
                }
                data.Append(row);
            }
            sheetPart.Worksheet = new Worksheet(new SheetProperties { FilterMode = FilterMode ? true : null }, data);
            if (links.HasChildren)
            {
                sheetPart.Worksheet.Append(links);
            }
            workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable =
                new SharedStringTable(strings.Select(parts => new SharedStringItem(parts)));
            workbookPart.Workbook.AppendChild(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "Sheet1" }));
            document.PackageProperties.Modified = Modified;
        }
        stream.Position = 0;
        return stream;
    }

    private static Cell ToCell(FixtureCell cell, string? reference, List<OpenXmlElement[]> strings)
    {
        var result = new Cell { CellReference = reference, StyleIndex = 1 };
        switch (cell.Kind)
        {
            case FixtureCellKind.SharedString or FixtureCellKind.RichText:
                strings.Add(cell.Kind == FixtureCellKind.SharedString
                    ? [Text(cell.Value)]
                    : [.. cell.Runs.Select(run => new Run(new RunProperties(new Bold()), Text(run)))]);
                result.DataType = CellValues.SharedString;
                result.CellValue = new CellValue(strings.Count - 1);
                break;
            case FixtureCellKind.InlineString:
                result.DataType = CellValues.InlineString;
                result.InlineString = new InlineString(Text(cell.Value));
                break;
            case FixtureCellKind.Number:
                result.CellValue = new CellValue(cell.Value);
                result.StyleIndex = 2;
                break;
            case FixtureCellKind.Error:
                result.DataType = CellValues.Error;
                result.CellValue = new CellValue(cell.Value);
                break;
            case FixtureCellKind.Formatted:
                break;
        }
        return result;
    }

    private static Text Text(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };

    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 0 },
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
}
