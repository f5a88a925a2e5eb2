using System.Text.RegularExpressions;
using Dapper;
using Npgsql;
using Program287g.Testing;

namespace Program287g.Drills;

/// <summary>The emails of one drill run in the SMTP server's maildir, as the books count them: every subject the
/// services send names the run's agency or inquiry ("Drill {run} ..."), opens with its kind and ends with the
/// reference number in parentheses.</summary>
public static partial class Acknowledgments
{
    public const string Application = "287(g) application received:";
    public const string Inquiry = "We received your inquiry:";

    /// <summary>How many emails of each kind (a subject opening of <paramref name="kinds"/>) the maildir holds per
    /// reference number, for the run's emails only.</summary>
    public static async Task<Dictionary<(string Kind, string Reference), int>> CountAsync(TestMaildirSmtpServer smtp, string run,
        params string[] kinds)
    {
        var counts = new Dictionary<(string, string), int>();
        foreach (var message in await smtp.MessagesAsync())
        {
            if (!message.Subject.Contains($"Drill {run} ", StringComparison.Ordinal))
            {
                continue; // another drill's
            }
            var kind = kinds.FirstOrDefault(message.Subject.StartsWith);
            if (kind is not null && TrailingReference().Match(message.Subject) is { Success: true } reference)
            {
                counts[(kind, reference.Groups[1].Value)] = counts.GetValueOrDefault((kind, reference.Groups[1].Value)) + 1;
            }
        }
        return counts;
    }

    /// <summary>What the Notification service recorded of the emails for a reference: to tell a send it never made from
    /// one the mail server lost.</summary>
    public static async Task<string> NotificationRecordAsync(DrillServers servers, string reference)
    {
        await using var notification = new NpgsqlConnection(servers.AuditDatabase(ResourceNames.NotificationDatabase));
        var rows = await notification.QueryAsync<string>("""
            SELECT format('%s %s: attempts %s, checks %s, in doubt since %s, sent %s, next %s, error %s, note %s', kind, status,
                attempts, delivery_checks, attempt_started_at, sent_at, next_attempt_at, last_error, delivery_note)
            FROM notifications WHERE reference_number = @reference
            """, new { reference });
        return rows.Any() ? string.Join(" | ", rows) : "no notification recorded";
    }

    [GeneratedRegex(@"\(([^()]+)\)$")]
    private static partial Regex TrailingReference();
}
