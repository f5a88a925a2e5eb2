using System.CommandLine.Parsing;
using Program287g.Agreement.V1;

namespace Program287g.Cli.Parsing;

/// <summary>The words staff type for ICE's two lists and the three models.</summary>
public static class Choices
{
    private static readonly Dictionary<string, IceListKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["participating"] = IceListKind.Participating,
        ["pending"] = IceListKind.Pending,
    };

    private static readonly Dictionary<string, Model> Models = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jem"] = Model.Jem,
        ["tfm"] = Model.Tfm,
        ["wso"] = Model.Wso,
    };

    /// <summary>ICE names its files participatingAgencies_2025-03-27.xlsx and pendingAgencies_2025-03-27.xlsx.</summary>
    public static IceListKind? KindFromFileName(string? fileName) =>
        Kinds.Where(kind => Path.GetFileName(fileName ?? "").StartsWith(kind.Key, StringComparison.OrdinalIgnoreCase))
            .Select(kind => (IceListKind?)kind.Value)
            .FirstOrDefault();

    public static IceListKind ParseKind(ArgumentResult result) => Parse(result, Kinds, "participating or pending");

    public static Model ParseModel(ArgumentResult result) => Parse(result, Models, "jem, tfm or wso");

    private static T Parse<T>(ArgumentResult result, Dictionary<string, T> words, string expected)
        where T : struct, Enum
    {
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (words.TryGetValue(token, out var value))
        {
            return value;
        }
        var name = result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
        result.AddError($"{name}: '{token}' is not one of {expected}.");
        return default;
    }
}
