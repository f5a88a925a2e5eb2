using Program287g.Domain;

namespace Program287g.Agency.Domain;

/// <summary>A name's words as <see cref="AgencyName.Normalize"/> gives them ("Sheriff’s" reads "SHERIFFS",
/// "Dept." reads "DEPT"), for the rules that read what a name says.</summary>
internal sealed class NameWords
{
    private readonly HashSet<string> _words;
    private readonly string _spaced;

    public NameWords(string name)
    {
        var normalized = AgencyName.Normalize(name);
        _words = [.. normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        _spaced = $" {normalized} ";
    }

    /// <summary>One of the words exactly ("DOC" but not "DOCK").</summary>
    public bool HasWord(params ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (_words.Contains(word))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>One of the stems, each one or more words of which the last may be cut short: "SHERIFF" finds
    /// "SHERIFFS", "ATTORNEY GENERAL" finds "ATTORNEY GENERALS", neither finds a stem inside a word.</summary>
    public bool Has(params ReadOnlySpan<string> stems)
    {
        foreach (var stem in stems)
        {
            if (_spaced.Contains(' ' + stem, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>One of the phrases as whole words: "FIRE MARSHAL" but not "FIRE MARSHALL".</summary>
    public bool HasPhrase(params ReadOnlySpan<string> phrases)
    {
        foreach (var phrase in phrases)
        {
            if (_spaced.Contains($" {phrase} ", StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
