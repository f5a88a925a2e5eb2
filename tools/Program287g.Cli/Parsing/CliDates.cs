using System.CommandLine;
using System.CommandLine.Parsing;

namespace Program287g.Cli.Parsing;

/// <summary>Calendar days (YYYY-MM-DD) and moments (ISO 8601 with an offset), as options or arguments, read the way
/// <see cref="AsOf"/> reads --as-of; a bad value is a usage error naming the option.</summary>
public static class CliDates
{
    private const string DayExpected = "a date as YYYY-MM-DD, e.g. 2026-01-05";
    private const string MomentExpected = "an ISO 8601 date-time with an offset, e.g. 2026-01-05T15:00:00-05:00";

    public static Option<DateOnly?> DayOption(string name, string description, bool required = false) => new(name)
    {
        Description = description + " YYYY-MM-DD.",
        HelpName = "YYYY-MM-DD",
        Required = required,
        CustomParser = result => Single(result) is { } text && AsOf.TryParseDay(text, out var day)
            ? day
            : Fail<DateOnly?>(result, DayExpected),
    };

    public static Argument<DateOnly> DayArgument(string name, string description) => new(name)
    {
        Description = description + " YYYY-MM-DD.",
        HelpName = "YYYY-MM-DD",
        CustomParser = result => Single(result) is { } text && AsOf.TryParseDay(text, out var day)
            ? day
            : Fail<DateOnly>(result, DayExpected),
    };

    public static Option<DateTimeOffset?> MomentOption(string name, string description) => new(name)
    {
        Description = description + " ISO 8601 with an offset, e.g. 2026-01-05T15:00:00-05:00.",
        HelpName = "date-time",
        CustomParser = result => Single(result) is { } text && AsOf.TryParseMoment(text, out var moment)
            ? moment
            : Fail<DateTimeOffset?>(result, MomentExpected),
    };

    public static Argument<DateTimeOffset> MomentArgument(string name, string description) => new(name)
    {
        Description = description + " ISO 8601 with an offset, e.g. 2026-01-05T15:00:00-05:00.",
        HelpName = "date-time",
        CustomParser = result => Single(result) is { } text && AsOf.TryParseMoment(text, out var moment)
            ? moment
            : Fail<DateTimeOffset>(result, MomentExpected),
    };

    private static string? Single(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : null;

    private static T? Fail<T>(ArgumentResult result, string expected)
    {
        var name = result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
        result.AddError($"{name}: '{string.Join(' ', result.Tokens.Select(t => t.Value))}' is not {expected}.");
        return default;
    }
}
