using System.Text.RegularExpressions;

namespace Program287g.Notification.Mailbox;

/// <summary>The program's reference numbers as a reply quotes them: an application's or agreement's
/// "287G-2026-000042", a nomination's "287G-N-2026-000042", an inquiry's "287G-Q-2026-000042".</summary>
public static partial class QuotedReferences
{
    [GeneratedRegex(@"\b287G-(?:[NQ]-)?\d{4}-\d{6}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    /// <summary>Every reference in the text, upper case, in order of first appearance.</summary>
    public static IReadOnlyList<string> In(string? text) => text is null
        ? []
        : Reference().Matches(text).Select(match => match.Value.ToUpperInvariant()).Distinct().ToList();

    public static bool IsInquiry(string reference) => reference.StartsWith("287G-Q-", StringComparison.Ordinal);

    public static bool IsNomination(string reference) => reference.StartsWith("287G-N-", StringComparison.Ordinal);

    public static bool IsAgreement(string reference) => !IsInquiry(reference) && !IsNomination(reference);
}
