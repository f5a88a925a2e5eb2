namespace Program287g.IceLists;

/// <summary>ICE's MOA and ADDENDUM cells: the text says "link" or "link pending"; the address is the hyperlink.</summary>
internal static class MoaLinks
{
    private const string SafelinksHostSuffix = ".safelinks.protection.outlook.com";

    public static bool IsPending(string? text) => IceText.Key(text) == "LINKPENDING";

    /// <summary>The address a link really points at. About 200 of July 2025's links were pasted from Outlook, which
    /// wraps every address as https://*.safelinks.protection.outlook.com/?url=&lt;encoded&gt;&amp;data=...; the
    /// wrapper is a Microsoft redirector tied to one mailbox, so the ice.gov address inside is the one to keep.</summary>
    public static string Unwrap(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || !uri.Host.EndsWith(SafelinksHostSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return url;
        }
        // The query as written, not Uri.Query, which may re-escape it.
        var query = url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('#')[0];
        foreach (var pair in query.Split('&'))
        {
            if (pair.StartsWith("url=", StringComparison.OrdinalIgnoreCase))
            {
                // Query strings are form-encoded: '+' is a space (a real '+' arrives as %2B).
                var inner = Uri.UnescapeDataString(pair["url=".Length..].Replace('+', ' '));
                return inner.Length > 0 ? inner : url;
            }
        }
        return url;
    }
}
