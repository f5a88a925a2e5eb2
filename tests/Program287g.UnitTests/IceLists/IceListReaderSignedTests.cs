using Program287g.IceLists;

namespace Program287g.UnitTests.IceLists;

/// <summary>SIGNED is taken only when its meaning is certain. The fixture file was modified 2025-07-18 17:43 UTC.</summary>
public class IceListReaderSignedTests
{
    [Theory]
    [InlineData(45000.0, "2023-03-15")]
    [InlineData(45000.75, "2023-03-15")]
    [InlineData(45856.0, "2025-07-18")]
    [InlineData(45857.0, "2025-07-19")]
    [InlineData(37257.0, "2002-01-01")]
    [InlineData("3/5/2025", "2025-03-05")]
    [InlineData("03/05/2025", "2025-03-05")]
    [InlineData(" 2025-03-05\u00A0", "2025-03-05")]
    [InlineData("05/082025", "2025-05-08")]
    [InlineData("7/72025", "2025-07-07")]
    [InlineData("0508/2025", "2025-05-08")]
    public void A_serial_or_a_text_date_whose_meaning_is_certain_is_taken(object cell, string date) =>
        IceRows.ReadJuly(IceRows.July().With(Col.Signed, Cell(cell))).Rows.ShouldHaveSingleItem()
            .Signed.ShouldBe(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(1141572.0, "1141572", "5025-07-07 is after the file was last modified (2025-07-18)")]
    [InlineData("3/5/5025", "3/5/5025", "5025-03-05 is after the file was last modified (2025-07-18)")]
    [InlineData(45858.0, "45858", "2025-07-20 is after the file was last modified (2025-07-18)")]
    [InlineData("12/31/2001", "12/31/2001", "2001-12-31 is before 2002, the first 287(g) agreement")]
    [InlineData(43.0, "43", "1900-02-12 is before 2002, the first 287(g) agreement")]
    [InlineData(60.0, "60", "serial 60 is 29 February 1900, a day that never was (Excel's 1900 leap-year bug)")]
    [InlineData("111/2025", "111/2025", "ambiguous: could be 2025-01-11 or 2025-11-01")]
    [InlineData("13/45/2025", "13/45/2025", "not a valid date")]
    [InlineData("2/30/2025", "2/30/2025", "not a valid date")]
    [InlineData("1/1/25", "1/1/25", "not a date")]
    [InlineData("signed in May", "signed in May", "not a date")]
    [InlineData("05/0825", "05/0825", "not a date")]
    [InlineData(" ", " ", "blank")]
    public void An_uncertain_date_is_a_problem_with_the_raw_value_not_a_guess(object cell, string raw, string reason)
    {
        var file = IceRows.ReadJuly(IceRows.July().With(Col.Signed, Cell(cell)), IceRows.July().With(Col.Model, "Task Force Model"));

        file.Problems.ShouldBe([new IceRowProblem(2, "SIGNED", reason, raw)]);
        file.Rows.ShouldHaveSingleItem().RowNumber.ShouldBe(3);
    }

    [Fact]
    public void A_participating_row_without_a_SIGNED_cell_is_a_problem()
    {
        var file = IceRows.ReadJuly(IceRows.July().With(Col.Signed, null));

        file.Rows.ShouldBeEmpty();
        file.Problems.ShouldBe([new IceRowProblem(2, "SIGNED", "blank", null)]);
    }

    private static FixtureCell Cell(object value) => value is string text ? text : (double)value;
}
