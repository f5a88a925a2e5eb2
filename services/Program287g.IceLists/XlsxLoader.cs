using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Program287g.IceLists;

/// <summary>Turns an xlsx into plain rows of cell texts with their hyperlinks. The SDK opens the package and resolves
/// parts, relationships and core properties; <see cref="SheetXml"/> reads the parts' XML.</summary>
internal static class XlsxLoader
{
    public static RawWorkbook Load(Stream xlsx)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(xlsx, isEditable: false);
            return Load(document);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or XmlException)
        {
            throw new IceListFormatException($"The file is not an xlsx workbook ({e.Message})");
        }
    }

    private static RawWorkbook Load(SpreadsheetDocument document)
    {
        var workbookPart = document.WorkbookPart ?? throw new IceListFormatException("The file is an Open XML package but not a workbook.");
        string[] sharedStrings = [];
        if (workbookPart.SharedStringTablePart is { } stringsPart)
        {
            using var stream = stringsPart.GetStream(FileMode.Open, FileAccess.Read);
            sharedStrings = SheetXml.SharedStrings(stream);
        }
        List<(string Name, string RelationshipId)> sheetIds;
        bool date1904;
        using (var stream = workbookPart.GetStream(FileMode.Open, FileAccess.Read))
        {
            (sheetIds, date1904) = SheetXml.Workbook(stream);
        }
        var sheets = new List<RawSheet>();
        foreach (var (name, id) in sheetIds)
        {
            if (workbookPart.TryGetPartById(id, out var part) && part is WorksheetPart worksheetPart)
            {
                sheets.Add(new RawSheet(name, ReadRows(worksheetPart, sharedStrings)));
            }
        }
        return new RawWorkbook(sheets, ModifiedAt(document.PackageProperties.Modified), date1904);
    }

    // W3CDTF times come back as UTC or local DateTimes depending on the packaging layer; both name one instant.
    private static DateTimeOffset? ModifiedAt(DateTime? modified) => modified switch
    {
        null => null,
        { Kind: DateTimeKind.Unspecified } m => new DateTimeOffset(m, TimeSpan.Zero),
        { } m => new DateTimeOffset(m.ToUniversalTime(), TimeSpan.Zero),
    };

    private static List<RawRow> ReadRows(WorksheetPart part, string[] sharedStrings)
    {
        List<SheetXmlRow> rows;
        List<(string, string)> hyperlinks;
        using (var stream = part.GetStream(FileMode.Open, FileAccess.Read))
        {
            (rows, hyperlinks) = SheetXml.Worksheet(stream);
        }
        var targets = part.HyperlinkRelationships.ToDictionary(r => r.Id, r => r.Uri.OriginalString);
        var links = new SheetHyperlinks(hyperlinks, targets);
        return [.. rows.Select(row => new RawRow(row.Number, row.Cells
            .GroupBy(cell => cell.Column)
            .ToDictionary(g => g.Key, g => ToRawCell(g.Last(), sharedStrings, links.At(row.Number, g.Key)))))];
    }

    private static RawCell ToRawCell(SheetXmlCell cell, string[] sharedStrings, IReadOnlyList<string> links)
    {
        var (value, kind) = cell.Type switch
        {
            "s" => int.TryParse(cell.Content, out var index) && index >= 0 && index < sharedStrings.Length
                ? (sharedStrings[index], RawKind.Text)
                : throw new IceListFormatException($"A cell points at shared string {cell.Content}, which the workbook does not have."),
            "inlineStr" or "str" => (cell.Content, RawKind.Text),
            "e" => (cell.Content, RawKind.Error),
            "b" => (cell.Content, RawKind.Boolean),
            "d" => (cell.Content, RawKind.IsoDate),
            _ => (cell.Content, RawKind.Number),
        };
        return new RawCell(value, kind, links);
    }
}
