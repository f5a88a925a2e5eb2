using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Program287g.Cli.Parsing;

/// <summary>The --as-of values: a moment (ISO 8601 date-time with an explicit offset, since "as of 3 p.m." means
/// nothing without one) or, for mandates, a calendar day.</summary>
public static partial class AsOf
{
    public static bool TryParseMoment(string text, out DateTimeOffset moment)
    {
        moment = default;
        return MomentShape().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out moment);
    }

    public static bool TryParseDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    public static Option<DateTimeOffset?> MomentOption(string description) => new("--as-of")
    {
        Description = description + " ISO 8601 with an offset, e.g. 2025-03-27T15:00:00-04:00 or 2025-03-27T19:00:00Z.",
        HelpName = "date-time",
        CustomParser = result => Single(result) is { } text && TryParseMoment(text, out var moment)
            ? moment
            : Fail<DateTimeOffset?>(result, "an ISO 8601 date-time with an offset, e.g. 2025-03-27T15:00:00-04:00 or 2025-03-27T19:00:00Z"),
    };

    public static Option<DateOnly?> DayOption(string description) => new("--as-of")
    {
        Description = description + " YYYY-MM-DD.",
        HelpName = "YYYY-MM-DD",
        CustomParser = result => Single(result) is { } text && TryParseDay(text, out var day)
            ? day
            : Fail<DateOnly?>(result, "a date as YYYY-MM-DD, e.g. 2026-01-05"),
    };

    private static string? Single(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : null;

    private static T? Fail<T>(ArgumentResult result, string expected)
    {
        var given = string.Join(' ', result.Tokens.Select(t => t.Value));
        result.AddError($"--as-of: '{given}' is not {expected}.");
        return default;
    }

    // A date, a time to at least the minute, and Z or an offset; DateTimeOffset.TryParse alone would take a bare
    // date or a local time and silently assume this machine's zone.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex MomentShape();
}
