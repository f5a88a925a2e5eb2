using System.Text.RegularExpressions;
using Program287g.Testing;

namespace Program287g.Benchmarks.Acknowledgments;

/// <summary>The SMTP server an acknowledgment run sends to, and what it accepted: each application reference quoted in
/// an acknowledgment's subject, with the moment (or moments, if doubled) the server took the message.</summary>
public interface IAcknowledgmentMailbox : IAsyncDisposable
{
    /// <summary>What the report calls it.</summary>
    string Name { get; }

    /// <summary>smtp://host:port for the Notification service.</summary>
    string ConnectionString { get; }

    /// <summary>The Notification service's setting that lets its delivery check ask this server.</summary>
    KeyValuePair<string, string> DeliveryCheck { get; }

    Task<IReadOnlyDictionary<string, List<DateTimeOffset>>> AcceptedAsync();
}

public static partial class AcknowledgmentSubjects
{
    /// <summary>The application reference an acknowledgment's subject ends with, or null for any other message.</summary>
    public static string? ReferenceOf(string subject) =>
        subject.Contains("application received", StringComparison.Ordinal) && Reference().Match(subject) is { Success: true } match
            ? match.Groups[1].Value
            : null;

    public static void Add(Dictionary<string, List<DateTimeOffset>> accepted, string subject, DateTimeOffset at)
    {
        if (ReferenceOf(subject) is not { } reference)
        {
            return;
        }
        if (!accepted.TryGetValue(reference, out var times))
        {
            accepted[reference] = times = [];
        }
        times.Add(at);
    }

    [GeneratedRegex(@"\((287G-\d{4}-\d{6})\)$")]
    private static partial Regex Reference();
}

/// <summary>smtp4dev, the mail catcher the system runs with: it keeps every message in a database it searches, which
/// costs it milliseconds a message and more as the mailbox grows.</summary>
public sealed class Smtp4devMailbox(TestSmtpServer smtp) : IAcknowledgmentMailbox
{
    public string Name => "smtp4dev 3.15.0";

    public string ConnectionString => smtp.ConnectionString;

    public KeyValuePair<string, string> DeliveryCheck => new("Notifications:DeliveryCheck:Smtp4devUrl", smtp.ApiAddress.ToString());

    public async Task<IReadOnlyDictionary<string, List<DateTimeOffset>>> AcceptedAsync()
    {
        var accepted = new Dictionary<string, List<DateTimeOffset>>();
        foreach (var message in await smtp.MessagesAsync("application received"))
        {
            AcknowledgmentSubjects.Add(accepted, message.Subject, message.ReceivedAt);
        }
        return accepted;
    }

    public ValueTask DisposeAsync() => smtp.DisposeAsync();
}
