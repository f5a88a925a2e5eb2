using Program287g.Domain;

namespace Program287g.IceLists;

/// <summary>How the reader cleans ICE's cell texts, which carry trailing, doubled and non-breaking spaces.</summary>
internal static class IceText
{
    /// <summary>Trimmed, with every run of white space (NBSP included: char.IsWhiteSpace) made one space. Case kept.</summary>
    public static string Clean(string? text) => SpacedText.Collapse(text);

    /// <summary>For comparing labels ("link pending", column headers): no white space at all, upper case.</summary>
    public static string Key(string? text) =>
        string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
