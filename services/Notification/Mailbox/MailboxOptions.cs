using System.ComponentModel.DataAnnotations;

namespace Program287g.Notification.Mailbox;

/// <summary>The "Notifications:Mailbox" configuration section. The mailbox itself is the connection string the AppHost
/// names "mailbox" (imap://user:password@host:port/INBOX, or imaps:// for TLS); without one the intake does not run.</summary>
public sealed class MailboxOptions
{
    public const string SectionName = "Notifications:Mailbox";

    /// <summary>Where a message goes on the server once it is recorded: out of the inbox, never deleted.</summary>
    [Required]
    public string RecordedFolder { get; set; } = "Recorded";

    /// <summary>Larger messages are not read: their headers are recorded and the message stays on the server, listed
    /// for a person. 25 MiB is what the big mail providers accept as one message.</summary>
    [Range(1024, 1L << 30)]
    public long MaxMessageBytes { get; set; } = 25L << 20;

    /// <summary>The safety net under IDLE (and the pace where the server has no IDLE): new mail is looked for at least
    /// this often. Servers drop an IDLE after 30 minutes; this is far below that.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The first wait after the server could not be reached; it doubles to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often an instance that does not read the mailbox asks whether the reader's lease is free
    /// (<see cref="MailboxLease"/>): the longest the mailbox goes unread after its reader dies.</summary>
    public TimeSpan LeaseRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the reader checks that its lease's database connection still answers: the longest two
    /// instances can both read after the reader loses its database.</summary>
    public TimeSpan LeaseCheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}
