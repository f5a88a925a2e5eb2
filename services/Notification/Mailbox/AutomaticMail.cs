using MimeKit;

namespace Program287g.Notification.Mailbox;

/// <summary>Mail no person wrote, which must never be answered: answering it is how mail loops start (two
/// auto-responders answering each other for ever). The signs are the standard ones (RFC 3834's Auto-Submitted, RFC
/// 3464's delivery reports, RFC 2369's list headers) and the common ones mail programs add without the standard.</summary>
public static class AutomaticMail
{
    private static readonly string[] AutoReplySubjects =
        ["auto:", "automatic reply", "autoreply", "auto-reply", "out of office", "out of the office", "undeliverable",
         "undelivered mail", "delivery status notification", "mail delivery failed", "returned mail", "failure notice"];

    private static readonly string[] SystemSenders = ["mailer-daemon", "postmaster", "noreply", "no-reply", "do-not-reply", "donotreply"];

    /// <summary>Why the message is automatic, or null for a person's. <paramref name="ownAddress"/> and
    /// <paramref name="ownMessageIdDomain"/> recognise the program's own emails coming back.</summary>
    public static string? Reason(MimeMessage message, string ownAddress, string ownMessageIdDomain)
    {
        var headers = message.Headers;
        if (headers[HeaderId.AutoSubmitted] is { } submitted && !submitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return $"Auto-Submitted: {submitted.Trim()}";
        }
        if (message.Body is MultipartReport || message.Body?.ContentType.IsMimeType("message", "delivery-status") == true)
        {
            return "A delivery status report (bounce)";
        }
        foreach (var header in new[] { "X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress" })
        {
            if (headers[header] is { } value && (header != "X-Auto-Response-Suppress" || value.Contains("All", StringComparison.OrdinalIgnoreCase)))
            {
                return $"{header}: {value.Trim()}";
            }
        }
        if (headers[HeaderId.Precedence] is { } precedence && precedence.Trim().ToLowerInvariant() is "bulk" or "junk" or "list" or "auto_reply")
        {
            return $"Precedence: {precedence.Trim()}";
        }
        if (headers[HeaderId.ListId] is not null || headers[HeaderId.ListUnsubscribe] is not null)
        {
            return "Mailing-list mail (List-Id / List-Unsubscribe)";
        }
        if (headers[HeaderId.ReturnPath] is { } returnPath && returnPath.Trim() == "<>")
        {
            return "An empty Return-Path (a bounce or other automatic mail)";
        }
        var from = IncomingMail.SenderOf(message)?.Address ?? "";
        if (from.Equals(ownAddress, StringComparison.OrdinalIgnoreCase))
        {
            return "The program's own address";
        }
        if (message.MessageId is { } id && id.EndsWith("@" + ownMessageIdDomain, StringComparison.OrdinalIgnoreCase))
        {
            return "One of the program's own emails";
        }
        var local = from.Split('@')[0].ToLowerInvariant();
        if (SystemSenders.Any(system => local == system || local.StartsWith(system + "+", StringComparison.Ordinal)))
        {
            return $"A system sender ({from})";
        }
        var subject = message.Subject?.Trim().ToLowerInvariant() ?? "";
        return AutoReplySubjects.FirstOrDefault(subject.StartsWith) is { } sign ? $"An automatic subject (\"{sign}…\")" : null;
    }
}
