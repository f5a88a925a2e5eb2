using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Program287g.Domain;
using Program287g.IceLists;

namespace Program287g.UnitTests.IceLists;

public class IceListWriterTests
{
    private static readonly IceListEntry[] Agreements =
    [
        new()
        {
            State = "TX", AgencyName = "Harris County Sheriff's Office", Type = IceAgencyType.County, County = "Harris County",
            Model = ProgramModel.JailEnforcement, Signed = new(2025, 2, 20),
            MoaUrl = "https://www.ice.gov/doclib/287gMOA/HarrisCoTX_JEM_MOA_02.20.2025.pdf",
            AddendumUrl = "https://www.ice.gov/doclib/287gMOA/HarrisCoTX_JEM_Addendum.pdf",
        },
        new()
        {
            State = "FL", AgencyName = "Florida Highway Patrol", Type = IceAgencyType.StateAgency,
            Model = ProgramModel.TaskForce, Signed = new(2002, 7, 2),
        },
        new()
        {
            State = "GA", AgencyName = "Dalton Police Department", Type = IceAgencyType.Municipality, County = "Whitfield County",
            Model = ProgramModel.WarrantServiceOfficer, Signed = new(2025, 7, 18), MoaUrl = "https://www.ice.gov/doclib/287gMOA/287gWSO_%20DaltonPD_GA.pdf",
        },
    ];

    [Fact]
    public void A_participating_list_reads_back_field_for_field()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-2);
        var file = IceListReader.Read(Write(IceListKind.Participating, Agreements), IceListKind.Participating);

        file.Columns.ShouldBe(["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA", "ADDENDUM"]);
        file.Problems.ShouldBeEmpty();
        file.Rows.Select(row => row.ToEntry()).ShouldBe(Agreements);
        file.Rows.Select(row => (row.RowNumber, row.MoaPending)).ShouldBe([(2, false), (3, true), (4, false)]);
        file.ModifiedAt.ShouldNotBeNull().ShouldBeInRange(before, DateTimeOffset.UtcNow.AddSeconds(2));
    }

    [Fact]
    public void A_pending_list_has_five_columns_and_reads_back()
    {
        var pending = Agreements.Select(a => a with { Signed = null, MoaUrl = null, AddendumUrl = null }).ToArray();

        var file = IceListReader.Read(Write(IceListKind.Pending, pending), IceListKind.Pending);

        file.Columns.ShouldBe(["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE"]);
        file.Problems.ShouldBeEmpty();
        file.Rows.Select(row => row.ToEntry()).ShouldBe(pending);
    }

    [Fact]
    public void Cells_are_written_as_ICE_writes_them()
    {
        using var document = SpreadsheetDocument.Open(Write(IceListKind.Participating, Agreements), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.WorksheetParts.Single();
        var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray();
        var cells = sheet.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        string Text(string reference) => cells[reference].DataType?.Value == CellValues.SharedString
            ? strings[int.Parse(cells[reference].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
            : cells[reference].CellValue?.Text ?? "";
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToArray();
        var fonts = workbook.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ToArray();
        Font FontOf(string reference) => fonts[(int)formats[(int)cells[reference].StyleIndex!.Value].FontId!.Value];

        new[] { "A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1" }.Select(FontOf).ShouldAllBe(font => font.Bold != null);
        FontOf("A2").Bold.ShouldBeNull();
        (Text("A2"), Text("C3"), Text("E3"), Text("G2"), Text("G3"), Text("H2"), Text("H3")).ShouldBe(
            ("TEXAS", "State Agency", "Task Force Model", "link", "link pending", "link", ""));
        (cells["D3"].DataType!.Value, Text("D3")).ShouldBe((CellValues.Error, "#N/A"));
        Text("F2").ShouldBe("45708");
        formats[(int)cells["F2"].StyleIndex!.Value].NumberFormatId!.Value.ShouldBe(14u);
        sheet.HyperlinkRelationships.Select(r => r.Uri.OriginalString).ShouldBe([
            Agreements[0].MoaUrl, Agreements[0].AddendumUrl, Agreements[2].MoaUrl]);
    }

    [Fact]
    public void An_unknown_state_is_refused()
    {
        var entry = Agreements[0] with { State = "Narnia" };

        Should.Throw<ArgumentException>(() => IceListWriter.Write(new MemoryStream(), IceListKind.Participating, [entry]))
            .Message.ShouldStartWith("'Narnia' is not a U.S. state");
    }

    private static MemoryStream Write(IceListKind kind, IEnumerable<IceListEntry> entries)
    {
        var output = new MemoryStream();
        IceListWriter.Write(output, kind, entries);
        output.Position = 0;
        return output;
    }
}
