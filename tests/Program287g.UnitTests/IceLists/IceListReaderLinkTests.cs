using Program287g.IceLists;

namespace Program287g.UnitTests.IceLists;

public class IceListReaderLinkTests
{
    private const string Moa = "https://www.ice.gov/doclib/287gMOA/ColbertCoSheriffsOfficeAL_WSO_MOA_05.08.25.pdf";
    private const string Addendum = "https://www.ice.gov/doclib/287gMOA/ColbertCoAL_WSO_Addendum.pdf";

    // As Outlook rewrote ICE's links in July 2025: the real address is the url parameter, percent-encoded.
    private const string SafeMoa = "https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ice.gov%2Fdoclib%2F287gMOA%2F"
        + "ColbertCoSheriffsOfficeAL_WSO_MOA_05.08.25.pdf&data=05%7C02%7CERO287g%40ice.dhs.gov%7C062e%7C0%7C%7C%7C&sdata=dJlt%3D&reserved=0";

    private const string SafeAddendum = "https://nam10.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ice.gov%2Fdoclib%2F287gMOA%2F"
        + "ColbertCoAL_WSO_Addendum.pdf&data=05%7C02&reserved=0";

    [Fact]
    public void The_MOA_is_the_cells_hyperlink_not_its_text()
    {
        var row = Read(FixtureCell.Inline("link").Linked(Moa), null);

        row.MoaUrl.ShouldBe(Moa);
        row.MoaPending.ShouldBeFalse();
        row.AddendumUrl.ShouldBeNull();
    }

    [Theory]
    [InlineData("link pending")]
    [InlineData("link pending ")]
    [InlineData("LINK\u00A0 Pending")]
    public void Link_pending_in_any_case_or_spacing_marks_the_MOA_pending(string text)
    {
        var row = Read(text, null);

        row.MoaPending.ShouldBeTrue();
        row.MoaUrl.ShouldBeNull();
    }

    [Fact]
    public void Outlook_safelinks_are_unwrapped_to_the_ice_gov_address()
    {
        var row = Read(FixtureCell.Inline("link ").Linked(SafeMoa), FixtureCell.Inline("link").Linked(SafeAddendum));

        row.MoaUrl.ShouldBe(Moa);
        row.AddendumUrl.ShouldBe(Addendum);
    }

    [Fact]
    public void A_link_cell_without_a_hyperlink_is_not_a_problem()
    {
        var file = IceRows.ReadJuly(IceRows.July().With(Col.Moa, "link").With(Col.Addendum, "link"));

        file.Problems.ShouldBeEmpty();
        file.Rows.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            row => row.MoaUrl.ShouldBeNull(), row => row.MoaPending.ShouldBeFalse(), row => row.AddendumUrl.ShouldBeNull());
    }

    [Fact]
    public void A_link_and_addendum_cell_gives_its_first_hyperlink_to_the_MOA_and_its_second_to_the_addendum()
    {
        var twoLinks = Read(FixtureCell.Inline("link\u00A0|\u00A0addendum").Linked(Moa, SafeAddendum), null);
        var oneLink = Read(FixtureCell.Inline("link\u00A0|\u00A0addendum").Linked(Moa), null);

        (twoLinks.MoaUrl, twoLinks.AddendumUrl).ShouldBe((Moa, Addendum));
        (oneLink.MoaUrl, oneLink.AddendumUrl).ShouldBe((Moa, null));
    }

    [Fact]
    public void The_ADDENDUM_column_wins_over_a_second_link_in_the_MOA_cell()
    {
        var row = Read(FixtureCell.Inline("link | addendum").Linked(Moa, "https://www.ice.gov/old.pdf"), FixtureCell.Inline("link").Linked(Addendum));

        (row.MoaUrl, row.AddendumUrl).ShouldBe((Moa, Addendum));
    }

    private static IceListRow Read(FixtureCell moa, FixtureCell? addendum)
    {
        var file = IceRows.ReadJuly(IceRows.July().With(Col.Moa, moa).With(Col.Addendum, addendum));
        file.Problems.ShouldBeEmpty();
        return file.Rows.ShouldHaveSingleItem();
    }
}
