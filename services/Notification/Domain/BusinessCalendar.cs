using System.Collections.Concurrent;

namespace Program287g.Notification.Domain;

/// <summary>What a day is, for the one-business-day promise.</summary>
public enum DayKind
{
    BusinessDay,
    Weekend,
    FederalHoliday,
    Closure,
}

/// <summary>A day's verdict: its kind and, when it is not a business day, what makes it so ("Saturday", "Independence
/// Day (observed)", a closure's reason).</summary>
public sealed record DayVerdict(DateOnly Date, DayKind Kind, string Description)
{
    public bool IsBusinessDay => Kind == DayKind.BusinessDay;
}

/// <summary>Business days in one time zone: Monday to Friday, less the federal holidays on their observed days, less
/// the closures given. Pure: the closures come from whoever built it (the database, or a test).</summary>
public sealed class BusinessCalendar(TimeZoneInfo zone, IReadOnlyDictionary<DateOnly, string> closures)
{
    private static readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, Holiday>> HolidaysByYear = new();

    public TimeZoneInfo Zone => zone;

    /// <summary>The days requests may name. The calendar itself looks a few days further, into the year after.</summary>
    public static DateOnly FirstDay { get; } = new(FederalHolidays.FirstYear, 1, 1);

    public static DateOnly LastDay { get; } = new(FederalHolidays.LastYear, 12, 31);

    public DayVerdict Classify(DateOnly date)
    {
        if (date < FirstDay || date.Year > FederalHolidays.LastYear + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The calendar covers {FirstDay:yyyy-MM-dd} to {LastDay:yyyy-MM-dd}.");
        }
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return new DayVerdict(date, DayKind.Weekend, date.DayOfWeek.ToString());
        }
        if (HolidaysOf(date.Year).TryGetValue(date, out var holiday))
        {
            return new DayVerdict(date, DayKind.FederalHoliday, holiday.ObservedOn == holiday.Date ? holiday.Name : $"{holiday.Name} (observed)");
        }
        return closures.TryGetValue(date, out var reason)
            ? new DayVerdict(date, DayKind.Closure, reason)
            : new DayVerdict(date, DayKind.BusinessDay, "");
    }

    public bool IsBusinessDay(DateOnly date) => Classify(date).IsBusinessDay;

    /// <summary>The first business day after <paramref name="date"/>.</summary>
    public DateOnly NextBusinessDay(DateOnly date)
    {
        var day = date.AddDays(1);
        while (!IsBusinessDay(day))
        {
            day = day.AddDays(1);
        }
        return day;
    }

    /// <summary>One business day after a receipt: the receipt's time of day (in the zone) on the next business day
    /// after the day it counts on. A receipt on a business day counts on that day; one on any other day counts from the
    /// start (00:00) of the next business day, and so is due at 00:00 of the business day after that, the moment the
    /// first business day ends. The due day is a business day, so its time of day exists (clocks change on Sundays);
    /// elsewhere a time in a spring-forward gap moves to the first moment after it.</summary>
    public DueTime DueAt(DateTimeOffset receivedAt)
    {
        var local = TimeZoneInfo.ConvertTime(receivedAt, zone).DateTime;
        var day = DateOnly.FromDateTime(local);
        var (countedFrom, timeOfDay) = IsBusinessDay(day)
            ? (day, TimeOnly.FromDateTime(local))
            : (NextBusinessDay(day), TimeOnly.MinValue);
        return new DueTime(receivedAt, countedFrom, InstantOf(NextBusinessDay(countedFrom), timeOfDay));
    }

    /// <summary>The program date an instant falls on, in this calendar's zone.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The instant a wall-clock time of a day is, in this calendar's zone; an ambiguous time (the hour clocks
    /// repeat) is the later of its two instants, the more generous for a due time.</summary>
    public DateTimeOffset InstantOf(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Min() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The start of a day (00:00 in the zone).</summary>
    public DateTimeOffset StartOf(DateOnly date) => InstantOf(date, TimeOnly.MinValue);

    private static IReadOnlyDictionary<DateOnly, Holiday> HolidaysOf(int year) =>
        HolidaysByYear.GetOrAdd(year, y => FederalHolidays.ObservedIn(y).ToDictionary(h => h.ObservedOn));
}

/// <summary>A receipt, the business day it counts on, and when what it asks for is due.</summary>
public sealed record DueTime(DateTimeOffset ReceivedAt, DateOnly CountedFrom, DateTimeOffset DueAt);
