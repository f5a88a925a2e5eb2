using MimeKit;

namespace Program287g.Notification.Domain;

/// <summary>One rule for what counts as an address to send to, for the inquiries the service takes and the contacts
/// events bring: a bare mailbox (no display name, no group) that MimeKit, which the sender uses, reads back unchanged.</summary>
public static class EmailAddresses
{
    public const int MaxLength = 254;

    public static bool IsValid(string? text)
    {
        var address = text?.Trim();
        if (string.IsNullOrEmpty(address) || address.Length > MaxLength)
        {
            return false;
        }
        var at = address.LastIndexOf('@');
        return at > 0 && at < address.Length - 1
            && MailboxAddress.TryParse(ParserOptions.Default, address, out var mailbox)
            && string.Equals(mailbox.Address, address, StringComparison.OrdinalIgnoreCase);
    }
}
