using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Program287g.Domain;

namespace Program287g.IceLists;

/// <summary>Writes a list in ICE's own format, so what we publish reads like what ICE publishes (and
/// <see cref="IceListReader"/> reads it back).</summary>
public static class IceListWriter
{
    private const string Link = "link";
    private const string LinkPending = "link pending";
    private const string NotApplicable = "#N/A";

    /// <summary>Participating columns: STATE, LAW ENFORCEMENT AGENCY, TYPE, COUNTY, SUPPORT TYPE, SIGNED, MOA, ADDENDUM.
    /// Pending: STATE, LAW ENFORCEMENT AGENCY, TYPE, COUNTY, SUPPORT TYPE. Rows are written in the order given.</summary>
    /// <exception cref="ArgumentException">An entry's state is not a U.S. state.</exception>
    public static void Write(Stream output, IceListKind kind, IEnumerable<IceListEntry> entries)
    {
        // Built in memory: the packaging layer seeks, and a half-written file should never reach the caller's stream.
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var columns = kind == IceListKind.Participating ? IceListColumns.Participating : IceListColumns.Pending;
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = WriterStyles.Stylesheet();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var sheet = new SheetWriter(sheetPart);

            sheet.AddRow(columns.Select(c => sheet.Text(c, WriterStyles.Header)));
            foreach (var entry in entries)
            {
                sheet.AddRow(Cells(sheet, kind, entry));
            }
            sheetPart.Worksheet = sheet.Worksheet(columns.Count);
            workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = sheet.SharedStrings();
            workbookPart.Workbook.AppendChild(new Sheets(new Sheet
            {
                Id = workbookPart.GetIdOfPart(sheetPart),
                SheetId = 1,
                Name = kind == IceListKind.Participating ? "Participating Agencies" : "Pending Agencies",
            }));
            var now = DateTime.UtcNow;
            document.PackageProperties.Created = now;
            document.PackageProperties.Modified = now;
            document.PackageProperties.Creator = "Program287g";
        }
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static IEnumerable<Cell> Cells(SheetWriter sheet, IceListKind kind, IceListEntry entry)
    {
        var state = UsStates.ToCode(entry.State)
            ?? throw new ArgumentException($"'{entry.State}' is not a U.S. state ({entry.AgencyName}).", nameof(entry));
        yield return sheet.Text(UsStates.Name(state).ToUpperInvariant());
        yield return sheet.Text(entry.AgencyName);
        yield return sheet.Text(entry.Type.Text());
        // ICE's COUNTY is a lookup that leaves the error #N/A where there is no county; the reader takes it as null.
        yield return entry.County is { } county ? sheet.Text(county) : SheetWriter.Error(NotApplicable);
        yield return sheet.Text(entry.Model.FullName());
        if (kind == IceListKind.Pending)
        {
            yield break;
        }
        // Written blank when unknown; IceListReader reports such a row rather than inventing a date.
        yield return entry.Signed is { } signed ? SheetWriter.Date(signed) : SheetWriter.Empty();
        yield return entry.MoaUrl is { } moa ? sheet.Hyperlink(Link, moa) : sheet.Text(LinkPending);
        yield return entry.AddendumUrl is { } addendum ? sheet.Hyperlink(Link, addendum) : SheetWriter.Empty();
    }
}
