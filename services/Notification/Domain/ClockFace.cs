using System.Globalization;

namespace Program287g.Notification.Domain;

/// <summary>Instants and dates as a letter writes them, in the program's zone: "Friday, May 22, 2026 at 4:55 PM
/// Eastern Daylight Time", "July 4, 2026".</summary>
public static class ClockFace
{
    public static string Moment(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var zoneName = zone.IsDaylightSavingTime(local) ? zone.DaylightName : zone.StandardName;
        return string.Create(CultureInfo.InvariantCulture, $"{local:dddd, MMMM d, yyyy} at {local:h:mm tt} {zoneName}");
    }

    public static string Day(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
}
