using Program287g.Testing;

namespace Program287g.Benchmarks.Acknowledgments;

/// <summary>aiosmtpd writing a maildir (<see cref="TestMaildirSmtpServer"/>): a lean SMTP server, as a relay in
/// production would be, whose acceptance is not slowed by a searchable store. A message's file is written before the
/// server answers 250, so its modification time is the acceptance.</summary>
public sealed class MaildirMailbox(TestMaildirSmtpServer smtp) : IAcknowledgmentMailbox
{
    public string Name => "aiosmtpd 1.4 (maildir)";

    public string ConnectionString => smtp.ConnectionString;

    public KeyValuePair<string, string> DeliveryCheck => new("Notifications:DeliveryCheck:Maildir", smtp.Maildir);

    public async Task<IReadOnlyDictionary<string, List<DateTimeOffset>>> AcceptedAsync()
    {
        var accepted = new Dictionary<string, List<DateTimeOffset>>();
        foreach (var message in await smtp.MessagesAsync())
        {
            AcknowledgmentSubjects.Add(accepted, message.Subject, message.AcceptedAt);
        }
        return accepted;
    }

    public ValueTask DisposeAsync() => smtp.DisposeAsync();
}
