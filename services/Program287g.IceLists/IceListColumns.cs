namespace Program287g.IceLists;

/// <summary>The column headers ICE prints, in ICE's order.</summary>
public static class IceListColumns
{
    public const string State = "STATE";
    public const string AgencyName = "LAW ENFORCEMENT AGENCY";
    public const string Type = "TYPE";
    public const string County = "COUNTY";
    public const string SupportType = "SUPPORT TYPE";
    public const string Signed = "SIGNED";
    public const string Moa = "MOA";
    public const string Addendum = "ADDENDUM";

    /// <summary>The participating list as of mid-2025 (ADDENDUM arrived by July; COUNTY in March).</summary>
    public static IReadOnlyList<string> Participating { get; } = [State, AgencyName, Type, County, SupportType, Signed, Moa, Addendum];

    public static IReadOnlyList<string> Pending { get; } = [State, AgencyName, Type, County, SupportType];

    /// <summary>Columns a list cannot be read without. COUNTY, MOA and ADDENDUM came and went during 2025.</summary>
    public static IReadOnlyList<string> Required(IceListKind kind) => kind == IceListKind.Participating
        ? [State, AgencyName, Type, SupportType, Signed]
        : [State, AgencyName, Type, SupportType];

    internal static IReadOnlyList<string> All => Participating;
}
