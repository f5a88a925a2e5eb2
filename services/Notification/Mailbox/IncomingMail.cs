using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MimeKit;

namespace Program287g.Notification.Mailbox;

/// <summary>A file attached to an email.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Data)
{
    public bool IsPdf => ContentType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase)
        || FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)
        || Data.AsSpan().StartsWith("%PDF-"u8);
}

/// <summary>An email as the intake reads it: who wrote it and where to answer, its thread, its text and its files. The
/// record's key is its Message-ID; a message without one is keyed by the SHA-256 of its bytes, so that the same
/// bytes read twice are still one record.</summary>
public sealed partial class IncomingMail
{
    private IncomingMail(MimeMessage message, string key)
    {
        Message = message;
        Key = key;
    }

    public MimeMessage Message { get; }
    public string Key { get; }
    public string? MessageId => Message.MessageId;
    public MailboxAddress? From => SenderOf(Message);
    /// <summary>Where an answer goes: Reply-To when the sender named one, else From.</summary>
    public MailboxAddress? ReplyTo => Message.ReplyTo.Mailboxes.FirstOrDefault() ?? From;
    public string Subject => string.IsNullOrWhiteSpace(Message.Subject) ? "(no subject)" : Message.Subject.Trim();
    /// <summary>The Message-IDs it answers: In-Reply-To first, then References from the newest.</summary>
    public IReadOnlyList<string> Thread => new[] { Message.InReplyTo }.Concat(Message.References.Reverse())
        .Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!).Distinct().ToList();

    /// <summary>The plain text, or the HTML's text where there is no plain part.</summary>
    public string Text => (Message.TextBody ?? Tags().Replace(Message.HtmlBody ?? "", " ")).Trim();

    public IReadOnlyList<MailAttachment> Attachments => Message.BodyParts.OfType<MimePart>()
        .Where(part => part.IsAttachment || part.FileName is not null || part.ContentType.IsMimeType("application", "pdf"))
        .Select(part =>
        {
            using var bytes = new MemoryStream();
            part.Content?.DecodeTo(bytes);
            return new MailAttachment(part.FileName ?? "attachment", part.ContentType.MimeType, bytes.ToArray());
        })
        .ToList();

    /// <summary>The message from its bytes; null when they are not a message at all.</summary>
    public static IncomingMail? Parse(byte[] raw)
    {
        MimeMessage message;
        try
        {
            message = MimeMessage.Load(new MemoryStream(raw, writable: false));
        }
        catch (FormatException)
        {
            return null;
        }
        return new IncomingMail(message, KeyOf(message.MessageId, raw));
    }

    /// <summary>The record's key: "&lt;message-id&gt;", or "sha256:…" of the bytes for a message without one.</summary>
    public static string KeyOf(string? messageId, ReadOnlySpan<byte> raw) =>
        string.IsNullOrWhiteSpace(messageId) ? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(raw)) : $"<{messageId.Trim()}>";

    /// <summary>The author: From, or Sender when From names nobody.</summary>
    public static MailboxAddress? SenderOf(MimeMessage message) =>
        message.From.Mailboxes.FirstOrDefault(address => address.Address.Contains('@'))
        ?? (message.Sender is { } sender && sender.Address.Contains('@') ? sender : null);

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
