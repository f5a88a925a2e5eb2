using Microsoft.Extensions.Logging;
using Program287g.Notification.V1;
using Program287g.Testing;

namespace Program287g.ServiceTests.Notifications;

/// <summary>Recipients, addresses, subjects and bodies stay out of logs and traces: spans carry notification ids, kinds
/// and reference numbers only. Everything the process logs (at every level) and traces while inquiries are submitted,
/// acknowledged, answered, an event is acknowledged and a send fails is searched for them.</summary>
[Collection(ServersCollection.Name)]
public sealed class PrivacyTests(TestInfrastructure servers)
{
    [Fact]
    public async Task No_address_name_subject_or_body_appears_in_any_log_or_span_while_mail_is_sent_and_fails()
    {
        using var telemetry = new CapturedTelemetry();
        await using var smtp = await servers.StartSmtpServerAsync();
        await using var system = await NotificationSystem.StartAsync(servers, new()
        {
            Smtp = smtp,
            Settings = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" },
            Services = services => services.AddSingleton<ILoggerProvider>(telemetry),
        });
        var marker = Guid.NewGuid().ToString("N")[..12];
        var secrets = new[]
        {
            $"inquirer.{marker}@example.gov", $"Quinn {marker} Resident", $"Subject {marker}", $"Question text {marker}",
            $"Answer text {marker}", $"contact.{marker}@example.gov", $"Contact {marker} Person",
        };
        var submitted = TestEvents.ApplicationSubmitted(DateTimeOffset.UtcNow, contactEmail: secrets[5]) with { ContactName = secrets[6] };

        await smtp.StopAsync();
        var inquiry = (await system.Client().SubmitInquiryAsync(new()
        {
            InquirerName = secrets[1], ContactEmail = secrets[0], Subject = secrets[2], Text = secrets[3],
        })).Inquiry;
        await system.NotificationAsync(n => n.ReferenceNumber == inquiry.ReferenceNumber, n => n.Attempts >= 1 && n.LastError != "");
        await smtp.StartAgainAsync();
        await system.NotificationAsync(n => n.ReferenceNumber == inquiry.ReferenceNumber, n => n.Status == NotificationStatus.Sent,
            TimeSpan.FromSeconds(60));
        await system.Client().AnswerInquiryAsync(new() { InquiryId = inquiry.InquiryId, Answer = secrets[4] });
        await system.PublishAsync(submitted);
        await system.NotificationAsync(n => n.Kind == NotificationKind.InquiryAnswer, n => n.Status == NotificationStatus.Sent);
        await system.NotificationAsync(n => n.ReferenceNumber == submitted.ReferenceNumber, n => n.Status == NotificationStatus.Sent);
        (await system.MailAsync(secrets[0], count: 2)).ShouldAllBe(m => m.To.Contains(secrets[0]), "the mail itself carries them");

        var sends = telemetry.Activities.Where(a => a.OperationName == "notification send").ToList();
        sends.ShouldContain(a => a.GetTagItem("notification.reference") as string == inquiry.ReferenceNumber);
        sends.ShouldContain(a => a.GetTagItem("notification.reference") as string == submitted.ReferenceNumber);
        telemetry.Logs.ShouldContain(line => line.Contains("attempt 1 failed") && line.Contains(inquiry.ReferenceNumber));
        telemetry.Logs.ShouldContain(line => line.StartsWith("Trace ", StringComparison.Ordinal), "every level is captured");
        telemetry.Logs.ShouldContain(line => line.StartsWith("Debug Program287g.Notification.Sending", StringComparison.Ordinal));
        var leaks = telemetry.Logs.Concat(telemetry.ActivityTexts())
            .Where(text => secrets.Any(secret => text.Contains(secret, StringComparison.OrdinalIgnoreCase))).ToList();
        leaks.ShouldBeEmpty(string.Join(Environment.NewLine, leaks.Take(5)));
    }
}
