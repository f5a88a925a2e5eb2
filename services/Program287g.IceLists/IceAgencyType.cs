namespace Program287g.IceLists;

/// <summary>ICE's TYPE column: "County", "Municipality" or "State Agency".</summary>
public enum IceAgencyType
{
    County,
    Municipality,
    StateAgency,
}

public static class IceAgencyTypes
{
    /// <summary>The text ICE prints for the type.</summary>
    public static string Text(this IceAgencyType t) => t switch
    {
        IceAgencyType.County => "County",
        IceAgencyType.Municipality => "Municipality",
        IceAgencyType.StateAgency => "State Agency",
        _ => throw new ArgumentOutOfRangeException(nameof(t), t, null),
    };

    /// <summary>The type for ICE's text in any case, with stray and non-breaking spaces ignored; null otherwise.</summary>
    public static IceAgencyType? Parse(string? text)
    {
        var key = IceText.Key(text);
        foreach (var type in Enum.GetValues<IceAgencyType>())
        {
            if (key == IceText.Key(type.Text()))
            {
                return type;
            }
        }
        return null;
    }
}
