using System.Text.RegularExpressions;
using Program287g.Testing;

namespace Program287g.Benchmarks.Acknowledgments;

/// <summary>The acknowledgments smtp4dev accepted, by the application reference their subject quotes, with the moment
/// smtp4dev received each (its own clock: the same machine's as the caller's).</summary>
public static partial class Mailbox
{
    public static async Task<IReadOnlyDictionary<string, List<DateTimeOffset>>> AcceptedAsync(TestSmtpServer smtp)
    {
        var accepted = new Dictionary<string, List<DateTimeOffset>>();
        foreach (var message in await smtp.MessagesAsync("application received"))
        {
            if (Reference().Match(message.Subject) is { Success: true } match)
            {
                var reference = match.Groups[1].Value;
                if (!accepted.TryGetValue(reference, out var times))
                {
                    accepted[reference] = times = [];
                }
                times.Add(message.ReceivedAt);
            }
        }
        return accepted;
    }

    [GeneratedRegex(@"\((287G-\d{4}-\d{6})\)$")]
    private static partial Regex Reference();
}
