using System.Globalization;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Program287g.Agreement.V1;
using Program287g.ServiceDefaults.Auth;

namespace Program287g.Console.Components;

/// <summary>How the pages write the services' values: enums in words, models by their ICE names, moments in the
/// program's time zone (Eastern, where the business days are counted), dates as ISO dates.</summary>
public static class Labels
{
    private static readonly TimeZoneInfo Eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>An enum value in words: NomineeStatus.BackgroundInProgress is "Background in progress". The proto's
    /// UNSPECIFIED is "—".</summary>
    public static string Of(System.Enum value)
    {
        var name = value.ToString();
        if (name == "Unspecified")
        {
            return "—";
        }
        var words = new StringBuilder();
        foreach (var character in name)
        {
            if (char.IsUpper(character) && words.Length > 0)
            {
                words.Append(' ').Append(char.ToLowerInvariant(character));
            }
            else
            {
                words.Append(character);
            }
        }
        return words.ToString();
    }

    public static string Model(Model model) => model switch
    {
        Agreement.V1.Model.Jem => "JEM",
        Agreement.V1.Model.Tfm => "TFM",
        Agreement.V1.Model.Wso => "WSO",
        _ => "—",
    };

    public static string ModelName(Model model) => model switch
    {
        Agreement.V1.Model.Jem => "Jail Enforcement Model",
        Agreement.V1.Model.Tfm => "Task Force Model",
        Agreement.V1.Model.Wso => "Warrant Service Officer",
        _ => "—",
    };

    public static readonly IReadOnlyList<Model> Models = [Agreement.V1.Model.Jem, Agreement.V1.Model.Tfm, Agreement.V1.Model.Wso];

    public static string Role(string role) => role switch
    {
        Roles.ProgramStaff => "Program staff",
        Roles.AgencyUser => "Agency user",
        Roles.InternalSystem => "Internal system",
        _ => role,
    };

    /// <summary>A moment in Eastern time, e.g. "2026-12-07 09:30 ET"; "—" when unset.</summary>
    public static string When(Timestamp? moment) =>
        moment is null ? "—" : TimeZoneInfo.ConvertTime(moment.ToDateTimeOffset(), Eastern).ToString("yyyy-MM-dd HH:mm 'ET'", CultureInfo.InvariantCulture);

    /// <summary>Today in Eastern time: the day the program's due times are counted in.</summary>
    public static DateOnly TodayEastern(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Eastern).DateTime);

    public static DateOnly? DayEastern(Timestamp? moment) =>
        moment is null ? null : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment.ToDateTimeOffset(), Eastern).DateTime);

    public static string Date(Google.Type.Date? date) =>
        date is null || date.Year == 0 ? "—" : $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}";

    public static Google.Type.Date ToProto(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static Google.Type.Date? ToProto(DateTime? date) => date is { } value ? ToProto(DateOnly.FromDateTime(value)) : null;
}
