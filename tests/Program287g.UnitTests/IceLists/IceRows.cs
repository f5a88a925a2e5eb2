using Program287g.IceLists;

namespace Program287g.UnitTests.IceLists;

/// <summary>Column positions in ICE's July 2025 participating layout.</summary>
internal static class Col
{
    public const int State = 0, Agency = 1, Type = 2, County = 3, Model = 4, Signed = 5, Moa = 6, Addendum = 7;
}

/// <summary>Typical rows in ICE's format, to change one cell at a time.</summary>
internal static class IceRows
{
    public const string HarrisMoa = "https://www.ice.gov/doclib/287gMOA/HarrisCoTX_JEM_MOA_02.20.2025.pdf";

    /// <summary>Serial 45000 is 2023-03-15 in Excel's 1900 date system.</summary>
    public static readonly DateOnly HarrisSigned = new(2023, 3, 15);

    public static FixtureCell?[] July() =>
        ["TEXAS", "Harris County Sheriff's Office", "County", "Harris County", "Jail Enforcement Model", 45000, FixtureCell.Inline("link").Linked(HarrisMoa), null];

    public static FixtureCell?[] Pending() => ["FLORIDA", "Alachua Police Department", "Municipality", FixtureCell.Error(), "Task Force Model"];

    public static FixtureCell?[] With(this FixtureCell?[] row, int column, FixtureCell? cell)
    {
        var copy = (FixtureCell?[])row.Clone();
        copy[column] = cell;
        return copy;
    }

    /// <summary>A July-layout participating file: the header, then the rows.</summary>
    public static IceListFile ReadJuly(params FixtureCell?[][] rows)
    {
        var builder = new IceSheetBuilder().Row(IceSheetBuilder.JulyParticipating);
        foreach (var row in rows)
        {
            builder.Row(row);
        }
        return IceListReader.Read(builder.Build());
    }
}
