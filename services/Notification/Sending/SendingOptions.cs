using System.ComponentModel.DataAnnotations;

namespace Program287g.Notification.Sending;

/// <summary>The "Notifications:Sending" configuration section.</summary>
public sealed class SendingOptions
{
    public const string SectionName = "Notifications:Sending";

    /// <summary>Who the emails are from.</summary>
    [Required]
    public string From { get; set; } = "ICE 287(g) Program <287g@program287g.example>";

    /// <summary>The right-hand side of every Message-ID ("{notification id}@{domain}").</summary>
    [Required]
    public string MessageIdDomain { get; set; } = "program287g.example";

    /// <summary>Sender loops per process, each with its own SMTP connection, claiming their own rows.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 2;

    /// <summary>Messages sent on one SMTP connection before it is closed (QUIT) and a new one opened. Mail servers limit
    /// this (commonly to 100) and may keep a record per session that grows with every message in it: smtp4dev's grew
    /// until, at 100 acknowledgments a second on one unbroken session, it fell behind by seconds.</summary>
    [Range(1, 10_000)]
    public int MessagesPerConnection { get; set; } = 100;

    /// <summary>Rows one loop claims at a time.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 20;

    /// <summary>The safety net under LISTEN/NOTIFY: a missed notification costs at most this much delay; also how soon
    /// a retry that has come due is noticed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest one attempt may take, delivery check and SMTP conversation together; it is cut off after
    /// this. An attempt leases its row for this plus <see cref="LeaseMargin"/>, so a live sender always finishes before
    /// another may take the row, and a dead one's attempt is settled (checked) soon after.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed row waits for its sender to begin: the rows a sender claimed and never began (it
    /// died) come free after this.</summary>
    public TimeSpan LeaseMargin { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First retry delay after a failed attempt; it doubles per attempt up to <see cref="MaxRetryDelay"/>.
    /// There is no last attempt: a notification is retried until it is sent.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the backlog is sampled for the metrics.</summary>
    public TimeSpan MetricsInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryDelay(int attempts)
    {
        var exponent = Math.Min(Math.Max(attempts - 1, 0), 20);
        var delay = FirstRetryDelay * Math.Pow(2, exponent);
        return delay > MaxRetryDelay ? MaxRetryDelay : delay;
    }
}

/// <summary>The "Notifications:DeliveryCheck" configuration section: how an attempt whose outcome is unknown is settled.</summary>
public sealed class DeliveryCheckOptions : IValidatableObject
{
    public const string SectionName = "Notifications:DeliveryCheck";

    /// <summary>smtp4dev's web address (its REST API answers at /api/messages). Unset, with <see cref="Maildir"/> unset
    /// too: no check, and an attempt in doubt is sent again under the same Message-ID.</summary>
    public Uri? Smtp4devUrl { get; set; }

    /// <summary>The maildir the mail server delivers into (its new/ and cur/ folders), for a server that has no API
    /// but drops each message it accepts into a directory this service can read: a local relay, aiosmtpd's Mailbox
    /// handler. At most one of this and <see cref="Smtp4devUrl"/>.</summary>
    public string? Maildir { get; set; }

    /// <summary>Checks that could not answer before the email is sent again anyway: a mail server whose API is down
    /// must not hold an acknowledgment back for ever.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Maildir is null)
        {
            yield break;
        }
        if (Smtp4devUrl is not null)
        {
            yield return new ValidationResult("Name one mail server to ask, not two: Smtp4devUrl or Maildir.", [nameof(Maildir), nameof(Smtp4devUrl)]);
        }
        else if (!Path.IsPathFullyQualified(Maildir) || !Directory.Exists(Path.Combine(Maildir, "new")))
        {
            // Checked at start: a wrong path would otherwise answer "not delivered" and send every email in doubt again.
            yield return new ValidationResult($"'{Maildir}' is not the absolute path of a maildir (a folder holding new/).", [nameof(Maildir)]);
        }
    }
}
