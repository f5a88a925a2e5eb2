using System.CommandLine;
using System.CommandLine.Parsing;
using Program287g.Cli.Output;

namespace Program287g.Cli.Parsing;

/// <summary>Options whose values are a proto enum, typed as its short name in lower case with dashes
/// (AGENCY_TYPE_STATE_AGENCY is state-agency, NOMINEE_STATUS_IN_TRAINING is in-training); the zero value is never one.</summary>
public static class ProtoChoice
{
    public static string Word(Enum value) => Formats.ShortName(value)!.ToLowerInvariant().Replace('_', '-');

    public static IReadOnlyList<string> Words<T>() where T : struct, Enum => [.. Values<T>().Select(v => Word(v))];

    public static bool TryParse<T>(string text, out T value) where T : struct, Enum
    {
        var word = text.Trim().Replace('_', '-');
        foreach (var candidate in Values<T>())
        {
            if (string.Equals(Word(candidate), word, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static Option<T> Option<T>(string name, string description) where T : struct, Enum => new(name)
    {
        Description = description,
        HelpName = string.Join('|', Words<T>()),
        CustomParser = result => Parse<T>(result, result.Tokens.Count == 1 ? result.Tokens[0].Value : ""),
    };

    /// <summary>Any of several values: the option repeated, or one value with commas (--status authorized,suspended).</summary>
    public static Option<T[]> Many<T>(string name, string description) where T : struct, Enum => new(name)
    {
        Description = description + " Repeat it, or separate values with commas.",
        HelpName = string.Join('|', Words<T>()),
        AllowMultipleArgumentsPerToken = false,
        CustomParser = result => [.. result.Tokens
            .SelectMany(token => token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(word => Parse<T>(result, word))],
    };

    private static T Parse<T>(ArgumentResult result, string word) where T : struct, Enum
    {
        if (TryParse<T>(word, out var value))
        {
            return value;
        }
        var name = result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
        result.AddError($"{name}: '{word}' is not one of {string.Join(", ", Words<T>())}.");
        return default;
    }

    private static IEnumerable<T> Values<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Where(value => Formats.ShortName(value) is not null);
}
