namespace Program287g.Agency.Domain;

/// <summary>What an email address's domain says about who sent it. A sheriff's office writes from its county's
/// domain; a free-mail domain is anybody's, so it identifies no agency.</summary>
public static class EmailDomains
{
    private static readonly HashSet<string> FreeMail = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "googlemail.com", "yahoo.com", "ymail.com", "hotmail.com", "outlook.com", "live.com", "msn.com",
        "aol.com", "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com", "gmx.com", "gmx.us", "mail.com",
        "zoho.com", "yandex.com", "comcast.net", "att.net", "sbcglobal.net", "verizon.net", "bellsouth.net", "cox.net",
        "charter.net", "earthlink.net", "juno.com", "hushmail.com", "fastmail.com", "tutanota.com",
    };

    /// <summary>The part after the last '@', lower case; empty when there is none.</summary>
    public static string DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 ? "" : address[(at + 1)..].Trim().TrimEnd('.').ToLowerInvariant();
    }

    public static bool IsFreeMail(string domain) => FreeMail.Contains(domain);
}
