namespace Program287g.Domain;

/// <summary>Text as people type it into ICE's sheets and forms: leading, trailing, doubled and non-breaking spaces
/// do not count.</summary>
public static class SpacedText
{
    /// <summary>Trimmed, every run of white space (NBSP included) made one space; case kept.</summary>
    public static string Collapse(string? text) =>
        string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
