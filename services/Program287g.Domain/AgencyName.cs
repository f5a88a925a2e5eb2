using System.Text;

namespace Program287g.Domain;

/// <summary>The key under which two spellings of one agency's name are the same agency:
/// case, punctuation and runs of white space (including non-breaking spaces) do not count. Shared because the Agency
/// service's registry is keyed by it and the Agreement service matches a state's list of covered agencies to that
/// registry with it: one rule, or a name would match in one place and not the other.</summary>
public static class AgencyName
{
    public static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        var pendingSpace = false;
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }
                builder.Append(char.ToUpperInvariant(c));
                pendingSpace = false;
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '/' or ',')
            {
                pendingSpace = true;
            }
        }
        return builder.ToString();
    }
}
