using System.IO.Compression;
using System.Security;
using System.Text;

namespace Program287g.EndToEndTests.Console;

/// <summary>An xlsx in ICE's format, written by the test with nothing but System.IO.Compression (apart from the service's
/// reader and writer, so that the test checks them rather than repeats them): one "Sheet1", the header row first, texts
/// as shared strings as ICE saves them, ICE's #N/A error cells for a COUNTY it found none for, and the time the file was
/// last saved (dcterms:modified), which the import takes as the list's "as of" when none is given.</summary>
public static class IceSheetFile
{
    public static readonly string[] PendingHeader = ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE"];

    /// <summary>A cell that is ICE's #N/A (its COUNTY lookup found nothing).</summary>
    public const string NotApplicable = "#N/A";

    /// <summary>The rows after the header; a null or empty cell is left out of its row, as Excel leaves a blank cell out.</summary>
    public static byte[] Build(string[] header, IEnumerable<string?[]> rows, DateTimeOffset modified)
    {
        var strings = new List<string>();
        var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>")
            .Append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        var number = 0;
        foreach (var row in new[] { header }.Concat(rows))
        {
            number++;
            sheet.Append($"<row r=\"{number}\">");
            for (var column = 0; column < row.Length; column++)
            {
                var reference = $"{(char)('A' + column)}{number}";
                switch (row[column])
                {
                    case null or "":
                        break;
                    case NotApplicable:
                        sheet.Append($"<c r=\"{reference}\" t=\"e\"><v>#N/A</v></c>");
                        break;
                    case var text:
                        strings.Add(text);
                        sheet.Append($"<c r=\"{reference}\" t=\"s\"><v>{strings.Count - 1}</v></c>");
                        break;
                }
            }
            sheet.Append("</row>");
        }
        sheet.Append("</sheetData></worksheet>");
        var shared = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>")
            .Append($"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{strings.Count}\" uniqueCount=\"{strings.Count}\">");
        foreach (var text in strings)
        {
            shared.Append($"<si><t xml:space=\"preserve\">{SecurityElement.Escape(text)}</t></si>");
        }
        shared.Append("</sst>");

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", ContentTypes);
            Add(zip, "_rels/.rels", PackageRelationships);
            Add(zip, "docProps/core.xml", CoreProperties(modified));
            Add(zip, "xl/workbook.xml", Workbook);
            Add(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships);
            Add(zip, "xl/worksheets/sheet1.xml", sheet.ToString());
            Add(zip, "xl/sharedStrings.xml", shared.ToString());
        }
        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }

    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
          <Default Extension="xml" ContentType="application/xml"/>
          <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
          <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
          <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
          <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
        </Types>
        """;

    private const string PackageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
          <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
        </Relationships>
        """;

    private const string Workbook = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
          <sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>
        </workbook>
        """;

    private const string WorkbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
          <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
        </Relationships>
        """;

    private static string CoreProperties(DateTimeOffset modified) => $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <dcterms:modified xsi:type="dcterms:W3CDTF">{modified.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}</dcterms:modified>
        </cp:coreProperties>
        """;
}
