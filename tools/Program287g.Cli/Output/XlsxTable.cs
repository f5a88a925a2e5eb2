using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Program287g.Cli.Output;

/// <summary>One sheet of text cells with a header row, for a spreadsheet program. ICE's list writer
/// (Program287g.IceLists) writes ICE's own format only, and its sheet writer is internal to it; this is the plain case.</summary>
public static class XlsxTable
{
    public static void Write(Stream output, string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        // Built in memory: the packaging layer seeks, and a half-written file should never reach the caller's stream.
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.AppendChild(Row(headers));
            foreach (var row in rows)
            {
                data.AppendChild(Row(row));
            }
            sheetPart.Worksheet = new Worksheet(data);
            workbookPart.Workbook.AppendChild(new Sheets(new Sheet
            {
                Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName,
            }));
            document.PackageProperties.Creator = "Program287g";
            document.PackageProperties.Created = DateTime.UtcNow;
        }
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    // Inline strings: nothing to share between cells of a roster, and no shared-string part to keep in step.
    private static Row Row(IEnumerable<string?> cells) => new(cells.Select(text => new Cell
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text ?? "") { Space = SpaceProcessingModeValues.Preserve }),
    }));
}
