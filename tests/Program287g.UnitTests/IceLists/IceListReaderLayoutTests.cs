using Program287g.Domain;
using Program287g.IceLists;
using static Program287g.UnitTests.IceLists.IceSheetBuilder;

namespace Program287g.UnitTests.IceLists;

public class IceListReaderLayoutTests
{
    [Fact]
    public void A_July_participating_row_is_read_with_every_field()
    {
        var file = IceRows.ReadJuly(IceRows.July());

        file.Kind.ShouldBe(IceListKind.Participating);
        file.Columns.ShouldBe(["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA", "ADDENDUM"]);
        file.ModifiedAt.ShouldBe(new DateTimeOffset(2025, 7, 18, 17, 43, 2, TimeSpan.Zero));
        file.Problems.ShouldBeEmpty();
        file.Rows.ShouldHaveSingleItem().ShouldBe(new IceListRow
        {
            RowNumber = 2,
            State = "TX",
            AgencyName = "Harris County Sheriff's Office",
            Type = IceAgencyType.County,
            County = "Harris County",
            Model = ProgramModel.JailEnforcement,
            Signed = IceRows.HarrisSigned,
            MoaUrl = IceRows.HarrisMoa,
        });
    }

    [Fact]
    public void A_pending_list_has_no_signing_date_or_links()
    {
        var file = IceListReader.Read(new IceSheetBuilder().Row(MarchPending).Row(IceRows.Pending()).Build());

        file.Kind.ShouldBe(IceListKind.Pending);
        file.Problems.ShouldBeEmpty();
        file.Rows.ShouldHaveSingleItem().ShouldBe(new IceListRow
        {
            RowNumber = 2,
            State = "FL",
            AgencyName = "Alachua Police Department",
            Type = IceAgencyType.Municipality,
            Model = ProgramModel.TaskForce,
        });
    }

    [Fact]
    public void The_February_2025_columns_without_COUNTY_still_read()
    {
        var participating = IceListReader.Read(new IceSheetBuilder().Row(FebruaryParticipating)
            .Row("GEORGIA", "Cobb County Sheriff's Office", "County", "Jail Enforcement Model", 45000, "link pending").Build());
        var pending = IceListReader.Read(new IceSheetBuilder().Row(FebruaryPending)
            .Row("TEXAS", "Texas Department of Public Safety", "State Agency", "Task Force Model").Build());

        participating.Kind.ShouldBe(IceListKind.Participating);
        participating.Rows.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            row => row.County.ShouldBeNull(), row => row.MoaPending.ShouldBeTrue(), row => row.Signed.ShouldBe(IceRows.HarrisSigned));
        pending.Kind.ShouldBe(IceListKind.Pending);
        pending.Rows.ShouldHaveSingleItem().Type.ShouldBe(IceAgencyType.StateAgency);
    }

    [Fact]
    public void Columns_are_found_by_their_text_in_any_order_case_and_spacing_even_below_a_title()
    {
        var file = IceListReader.Read(new IceSheetBuilder()
            .Row("287(g) participating agencies as of July 18, 2025")
            .Row("moa", " Support\u00A0Type ", "signed", "state", "Law  Enforcement Agency", "type", "County")
            .Row(FixtureCell.Inline("link").Linked(IceRows.HarrisMoa), "Task Force Model", 45000, "Texas", "Harris County Sheriff's Office", "County", "Harris County")
            .Build());

        file.Columns.ShouldBe(["moa", "Support Type", "signed", "state", "Law Enforcement Agency", "type", "County"]);
        file.Rows.ShouldHaveSingleItem().ShouldBe(new IceListRow
        {
            RowNumber = 3,
            State = "TX",
            AgencyName = "Harris County Sheriff's Office",
            Type = IceAgencyType.County,
            County = "Harris County",
            Model = ProgramModel.TaskForce,
            Signed = IceRows.HarrisSigned,
            MoaUrl = IceRows.HarrisMoa,
        });
    }

    [Fact]
    public void Asking_for_one_list_and_getting_the_other_is_refused()
    {
        Should.Throw<IceListFormatException>(() => IceListReader.Read(new IceSheetBuilder().Row(MarchPending).Build(), IceListKind.Participating))
            .Message.ShouldBe("Expected a participating list, but the header (row 1) has neither SIGNED nor MOA: this is a pending list.");
        Should.Throw<IceListFormatException>(() => IceListReader.Read(new IceSheetBuilder().Row(JulyParticipating).Build(), IceListKind.Pending))
            .Message.ShouldBe("Expected a pending list, but the header (row 1) has SIGNED or MOA: this is a participating list.");
    }

    [Fact]
    public void Missing_required_columns_are_named()
    {
        Should.Throw<IceListFormatException>(() => IceListReader.Read(new IceSheetBuilder().Row("STATE", "LAW ENFORCEMENT AGENCY", "COUNTY").Build()))
            .Message.ShouldBe("Not an ICE pending list: the header (row 1) has no TYPE, SUPPORT TYPE column.");
        Should.Throw<IceListFormatException>(() => IceListReader.Read(new IceSheetBuilder().Row("STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "SUPPORT TYPE", "MOA").Build()))
            .Message.ShouldBe("Not an ICE participating list: the header (row 1) has no SIGNED column.");
        Should.Throw<IceListFormatException>(() => IceListReader.Read(new IceSheetBuilder().Row("Name", "Address").Row("a", "b").Build()))
            .Message.ShouldBe("Not an ICE list: no sheet has a header row with STATE, LAW ENFORCEMENT AGENCY, TYPE, SUPPORT TYPE in its first 20 rows.");
    }

    [Fact]
    public void A_file_that_is_not_an_xlsx_is_refused()
    {
        using var text = new MemoryStream("STATE,LAW ENFORCEMENT AGENCY\nTEXAS,Harris"u8.ToArray());

        Should.Throw<IceListFormatException>(() => IceListReader.Read(text)).Message.ShouldStartWith("The file is not an xlsx workbook");
    }

    [Fact]
    public void A_part_that_is_not_XML_is_refused()
    {
        var xlsx = new MemoryStream();
        new IceSheetBuilder().Row(MarchPending).Build().CopyTo(xlsx);
        using (var zip = new System.IO.Compression.ZipArchive(xlsx, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var sheet = zip.Entries.Single(e => e.FullName.Contains("worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
            using var part = sheet.Open();
            part.SetLength(0);
            part.Write("<worksheet><sheetData><row>"u8);
        }
        xlsx.Position = 0;

        Should.Throw<IceListFormatException>(() => IceListReader.Read(xlsx)).Message.ShouldStartWith("The file is not an xlsx workbook");
    }

    [Fact]
    public void A_stream_that_cannot_seek_is_read()
    {
        using var upload = new ForwardOnlyStream(new IceSheetBuilder().Row(MarchPending).Row(IceRows.Pending()).Build());

        IceListReader.Read(upload).Rows.ShouldHaveSingleItem().AgencyName.ShouldBe("Alachua Police Department");
    }

    [Fact]
    public void Trailing_empty_formatted_rows_are_skipped_and_hidden_rows_are_read()
    {
        var file = IceListReader.Read(new IceSheetBuilder { FilterMode = true }
            .Row(JulyParticipating)
            .HiddenRow(IceRows.July())
            .Row(IceRows.July().With(Col.Model, "Task Force Model"))
            .EmptyFormattedRows(70)
            .Build());

        file.Problems.ShouldBeEmpty();
        file.Rows.Select(r => r.RowNumber).ShouldBe([2, 3]);
    }

    /// <summary>Like an HTTP request body: read once, front to back.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override void Flush() { }
    }
}
