using System.Collections.Frozen;

namespace Program287g.Domain;

/// <summary>States, the District of Columbia and the territories by USPS code. ICE's sheets write states as
/// full names in any case ("Georgia", "GEORGIA"); the registry stores the code.</summary>
public static class UsStates
{
    private static readonly FrozenDictionary<string, string> NamesByCode = new Dictionary<string, string>
    {
        ["AL"] = "Alabama", ["AK"] = "Alaska", ["AZ"] = "Arizona", ["AR"] = "Arkansas", ["CA"] = "California",
        ["CO"] = "Colorado", ["CT"] = "Connecticut", ["DE"] = "Delaware", ["FL"] = "Florida", ["GA"] = "Georgia",
        ["HI"] = "Hawaii", ["ID"] = "Idaho", ["IL"] = "Illinois", ["IN"] = "Indiana", ["IA"] = "Iowa",
        ["KS"] = "Kansas", ["KY"] = "Kentucky", ["LA"] = "Louisiana", ["ME"] = "Maine", ["MD"] = "Maryland",
        ["MA"] = "Massachusetts", ["MI"] = "Michigan", ["MN"] = "Minnesota", ["MS"] = "Mississippi", ["MO"] = "Missouri",
        ["MT"] = "Montana", ["NE"] = "Nebraska", ["NV"] = "Nevada", ["NH"] = "New Hampshire", ["NJ"] = "New Jersey",
        ["NM"] = "New Mexico", ["NY"] = "New York", ["NC"] = "North Carolina", ["ND"] = "North Dakota", ["OH"] = "Ohio",
        ["OK"] = "Oklahoma", ["OR"] = "Oregon", ["PA"] = "Pennsylvania", ["RI"] = "Rhode Island", ["SC"] = "South Carolina",
        ["SD"] = "South Dakota", ["TN"] = "Tennessee", ["TX"] = "Texas", ["UT"] = "Utah", ["VT"] = "Vermont",
        ["VA"] = "Virginia", ["WA"] = "Washington", ["WV"] = "West Virginia", ["WI"] = "Wisconsin", ["WY"] = "Wyoming",
        ["DC"] = "District of Columbia", ["PR"] = "Puerto Rico", ["GU"] = "Guam", ["VI"] = "U.S. Virgin Islands",
        ["AS"] = "American Samoa", ["MP"] = "Northern Mariana Islands",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> CodesByName =
        NamesByCode.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The USPS code for a code or a full name in any case, with stray and non-breaking spaces ignored;
    /// null when it is neither.</summary>
    public static string? ToCode(string? codeOrName)
    {
        var cleaned = SpacedText.Collapse(codeOrName);
        if (NamesByCode.ContainsKey(cleaned))
        {
            return cleaned.ToUpperInvariant();
        }
        return CodesByName.TryGetValue(cleaned, out var code) ? code : null;
    }

    public static string Name(string code) => NamesByCode[code];
}
