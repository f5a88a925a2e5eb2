namespace Program287g.Notification.Domain;

/// <summary>One of the eleven holidays of 5 U.S.C. 6103(a): the day the law names and the day it is observed.</summary>
public sealed record Holiday(string Name, DateOnly Date, DateOnly ObservedOn);

/// <summary>The federal holidays of 5 U.S.C. 6103(a), computed by rule for any year from 1971 (the Uniform Monday
/// Holiday Act) on: the statute's dates as they stood each year (Martin Luther King Jr.'s Birthday from 1986,
/// Juneteenth from 2021, Veterans Day on the fourth Monday of October from 1971 to 1977) and the observed-day rule of
/// Executive Order 11582 (a Saturday holiday is observed the Friday before, a Sunday one the Monday after).</summary>
public static class FederalHolidays
{
    public const int FirstYear = 1971;

    /// <summary>The last year requests may name: a due time late in it looks into the next, the last a date can hold.</summary>
    public const int LastYear = 9998;

    /// <summary>The holidays whose observed day falls in <paramref name="year"/>, by observed day. New Year's Day of the
    /// year after belongs here when it falls on a Saturday (1 Jan 2028 is observed on 31 Dec 2027); this year's, then,
    /// does not.</summary>
    public static IReadOnlyList<Holiday> ObservedIn(int year)
    {
        if (year is < FirstYear or > LastYear + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"The calendar covers {FirstYear} to {LastYear}.");
        }
        var nextYears = year <= LastYear ? Of(year + 1) : [];
        return [.. Of(year).Concat(nextYears).Where(h => h.ObservedOn.Year == year).OrderBy(h => h.ObservedOn)];
    }

    /// <summary>The holidays the law names for <paramref name="year"/>, each with its observed day.</summary>
    public static IEnumerable<Holiday> Of(int year)
    {
        yield return Observed("New Year's Day", new DateOnly(year, 1, 1));
        if (year >= 1986)
        {
            yield return Observed("Birthday of Martin Luther King, Jr.", Nth(year, 1, DayOfWeek.Monday, 3));
        }
        yield return Observed("Washington's Birthday", Nth(year, 2, DayOfWeek.Monday, 3));
        yield return Observed("Memorial Day", Last(year, 5, DayOfWeek.Monday));
        if (year >= 2021)
        {
            yield return Observed("Juneteenth National Independence Day", new DateOnly(year, 6, 19));
        }
        yield return Observed("Independence Day", new DateOnly(year, 7, 4));
        yield return Observed("Labor Day", Nth(year, 9, DayOfWeek.Monday, 1));
        yield return Observed("Columbus Day", Nth(year, 10, DayOfWeek.Monday, 2));
        yield return Observed("Veterans Day", year is >= 1971 and <= 1977 ? Nth(year, 10, DayOfWeek.Monday, 4) : new DateOnly(year, 11, 11));
        yield return Observed("Thanksgiving Day", Nth(year, 11, DayOfWeek.Thursday, 4));
        yield return Observed("Christmas Day", new DateOnly(year, 12, 25));
    }

    private static Holiday Observed(string name, DateOnly date) => new(name, date, date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    });

    /// <summary>The <paramref name="n"/>th given weekday of a month.</summary>
    private static DateOnly Nth(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)day - (int)first.DayOfWeek + 7) % 7 + 7 * (n - 1));
    }

    private static DateOnly Last(int year, int month, DayOfWeek day)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)day + 7) % 7));
    }
}
