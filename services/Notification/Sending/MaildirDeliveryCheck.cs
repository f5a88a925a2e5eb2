using MimeKit;
using Program287g.Notification.Domain;

namespace Program287g.Notification.Sending;

/// <summary>Asks a maildir whether the mail server accepted a message with the notification's Message-ID: a server that
/// delivers into a maildir writes the message's file (in tmp/, then moved to new/) before it answers 250, so a message
/// it accepted is in new/, or in cur/ once a reader has seen it. Only headers are read. A scan reads every message in
/// the maildir, which is fine for what it settles: the rare attempt cut off mid-conversation.</summary>
public sealed class MaildirDeliveryCheck(string maildir) : IDeliveryCheck
{
    public bool IsConfigured => true;

    public async Task<DeliveryAnswer> CheckAsync(NotificationRecord notification, CancellationToken cancellationToken)
    {
        try
        {
            // new/ before cur/: a message a reader moves from new/ to cur/ during the scan is then seen in one or the other.
            foreach (var folder in new[] { "new", "cur" })
            {
                var directory = new DirectoryInfo(Path.Combine(maildir, folder));
                if (!directory.Exists)
                {
                    continue;
                }
                foreach (var file in directory.EnumerateFiles())
                {
                    if (await HasMessageIdAsync(file, notification.MessageId, cancellationToken))
                    {
                        return new DeliveryAnswer(DeliveryVerdict.Delivered, "the mail server holds a message with this Message-ID");
                    }
                }
            }
            return new DeliveryAnswer(DeliveryVerdict.NotDelivered, "the mail server holds no message with this Message-ID");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new DeliveryAnswer(DeliveryVerdict.Unknown, SmtpFailures.Scrub($"the delivery check failed: {exception.GetType().Name}: {exception.Message}"));
        }
    }

    private static async Task<bool> HasMessageIdAsync(FileInfo file, string messageId, CancellationToken cancellationToken)
    {
        HeaderList headers;
        try
        {
            await using var stream = file.OpenRead();
            headers = await HeaderList.LoadAsync(stream, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            return false; // moved to cur/ (seen there) or deleted since the folder was listed
        }
        catch (ParseException)
        {
            return false; // not a message this service could have sent
        }
        return headers[HeaderId.MessageId]?.Trim().Trim('<', '>') == messageId;
    }
}
