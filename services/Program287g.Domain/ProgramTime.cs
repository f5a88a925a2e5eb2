namespace Program287g.Domain;

/// <summary>The program's clock face. ICE names no time zone, but the program is run from Washington, so dates on
/// agreements ("signed 3/27/2025", "effective 90 days after notice") begin and end at midnight Eastern time.</summary>
public static class ProgramTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>The instant a program date begins: midnight Eastern, as UTC.</summary>
    public static DateTimeOffset StartOf(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>The program date an instant falls on.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}
