using System.Globalization;
using System.Text.RegularExpressions;

namespace Program287g.IceLists;

/// <summary>A SIGNED cell read as a date, or the reason it cannot be. The rule throughout: take a date only when
/// its meaning is certain, because a wrong signing date silently misstates an agreement; anything doubtful becomes
/// a problem for a person to settle.</summary>
internal readonly record struct SignedDate(DateOnly? Date, string? Problem);

internal static partial class SignedDates
{
    /// <summary>Florida's MOA of 2002 was the first 287(g) agreement; an earlier date is a typing error.</summary>
    public static readonly DateOnly FirstAgreement = new(2002, 1, 1);

    // Excel's 1900 system counts 1900-01-01 as 1 and, copying Lotus 1-2-3, has a 29 February 1900 (serial 60).
    // From serial 61 on, the day is 1899-12-30 plus the serial: 45000 is 2023-03-15.
    private static readonly DateOnly Excel1900Base = new(1899, 12, 30);
    private static readonly DateOnly Excel1904Base = new(1904, 1, 1);

    /// <param name="latest">The last plausible day: the file's modification day (UTC) plus one, the slack so that a
    /// signing dated on local time east of UTC is never refused. A later date, such as July 2025's year 5025, is a
    /// typing error: nobody lists an agreement before it is signed.</param>
    public static SignedDate Read(RawCell? cell, bool date1904, DateOnly latest)
    {
        var text = IceText.Clean(cell?.Value);
        if (text.Length == 0)
        {
            // Every agreement in force has a signing date; a blank one is an unfinished row, not "unknown".
            return new(null, "blank");
        }
        var (date, problem) = cell!.Kind switch
        {
            RawKind.Number => FromSerial(text, date1904),
            // t="d" (an ISO 8601 cell, which Excel itself never writes) is unambiguous.
            RawKind.IsoDate => DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var d)
                ? (DateOnly.FromDateTime(d), null)
                : (null, "not a date"),
            RawKind.Text => FromText(text),
            _ => (null, "not a date"),
        };
        if (date is not { } day)
        {
            return new(null, problem);
        }
        if (day < FirstAgreement)
        {
            return new(null, $"{Iso(day)} is before 2002, the first 287(g) agreement");
        }
        if (day > latest)
        {
            return new(null, $"{Iso(day)} is after the file was last modified ({Iso(latest.AddDays(-1))})");
        }
        return new(day, null);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static int ToSerial(DateOnly date) => date.DayNumber - Excel1900Base.DayNumber;

    private static (DateOnly?, string?) FromSerial(string text, bool date1904)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) || !double.IsFinite(serial) || serial < 1)
        {
            return (null, "not a date serial");
        }
        // A fraction is the time of day; the day is what the agreement records.
        var days = Math.Floor(serial);
        if (date1904)
        {
            return AddDays(Excel1904Base, days);
        }
        return days == 60
            ? (null, "serial 60 is 29 February 1900, a day that never was (Excel's 1900 leap-year bug)")
            : AddDays(Excel1900Base, days < 60 ? days + 1 : days);
    }

    private static (DateOnly?, string?) AddDays(DateOnly baseDay, double days) =>
        days <= DateOnly.MaxValue.DayNumber - baseDay.DayNumber
            ? (DateOnly.FromDayNumber(baseDay.DayNumber + (int)days), null)
            : (null, "not a date serial");

    private static (DateOnly?, string?) FromText(string text)
    {
        if (IsoDate().Match(text) is { Success: true } iso)
        {
            return Date(iso.Groups[1].Value, iso.Groups[2].Value, iso.Groups[3].Value) is { } d ? (d, null) : (null, "not a valid date");
        }
        // ICE is a U.S. agency: slashed dates are month/day/year.
        if (UsDate().Match(text) is { Success: true } us)
        {
            return Date(us.Groups[3].Value, us.Groups[1].Value, us.Groups[2].Value) is { } d ? (d, null) : (null, "not a valid date");
        }
        return MissingSlash(text);
    }

    /// <summary>July 2025 has "05/082025" and "7/72025": month/day/year with one slash left out. Put the slash back
    /// wherever it yields M/D/YYYY with a real month and day; take the date only when exactly one place does.
    /// "05/082025" can only be 05/08/2025, but "111/2025" could be 1/11 or 11/1, so it stays a problem.</summary>
    private static (DateOnly?, string?) MissingSlash(string text)
    {
        if (!OneSlash().IsMatch(text))
        {
            return (null, "not a date");
        }
        var readings = new List<DateOnly>();
        for (var at = 1; at < text.Length; at++)
        {
            if (text[at - 1] != '/' && text[at] != '/'
                && UsDate().Match(text.Insert(at, "/")) is { Success: true } m
                && Date(m.Groups[3].Value, m.Groups[1].Value, m.Groups[2].Value) is { } d)
            {
                readings.Add(d);
            }
        }
        return readings.Count switch
        {
            1 => (readings[0], null),
            0 => (null, "not a date"),
            _ => (null, $"ambiguous: could be {string.Join(" or ", readings.Select(Iso))}"),
        };
    }

    private static DateOnly? Date(string year, string month, string day)
    {
        var (y, m, d) = (int.Parse(year, CultureInfo.InvariantCulture), int.Parse(month, CultureInfo.InvariantCulture),
            int.Parse(day, CultureInfo.InvariantCulture));
        return y >= 1 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
    }

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")]
    private static partial Regex UsDate();

    [GeneratedRegex(@"^[0-9]+/[0-9]+$")]
    private static partial Regex OneSlash();
}
