extern alias NotificationService;

using Microsoft.Extensions.Time.Testing;
using Program287g.Notification.V1;
using Program287g.Testing;
using NotificationServiceMarker = NotificationService::Program287g.Notification.NotificationServiceMarker;

namespace Program287g.ServiceTests.Notifications;

/// <summary>The delivery check against a mail server without an API that delivers into a maildir (aiosmtpd's Mailbox
/// handler): an email left in doubt by a stop after the server's acceptance is found there and not sent again; one the
/// maildir does not hold is sent again, once; and a maildir that is not one, or named beside smtp4dev, stops the service
/// at start rather than answering "not delivered" to every question.</summary>
[Collection(ServersCollection.Name)]
public sealed class MaildirDeliveryCheckTests(TestInfrastructure servers)
{
    [Fact]
    public async Task An_email_in_doubt_that_the_maildir_holds_is_recorded_as_sent_and_not_sent_again()
    {
        await using var maildir = await TestMaildirSmtpServer.StartAsync();
        var (clock, id, submitted, system) = await StopInDoubtAsync(maildir);
        await using var _ = system;
        await maildir.StopAsync();
        await maildir.StartAgainAsync(); // the mail server restarted too: what it accepted is still there

        await system.StartAgainAsync(Options(maildir, new FakeTimeProvider(clock.GetUtcNow() + TimeSpan.FromMinutes(1))));

        var settled = await system.NotificationAsync(n => n.NotificationId == id.ToString(), n => n.Status == NotificationStatus.Sent);
        settled.DeliveryNote.ShouldBe("Attempt 1 was in doubt; the mail server holds a message with this Message-ID: recorded as sent, not sent again.");
        settled.Attempts.ShouldBe(1);
        settled.SentAt.ToDateTimeOffset().ShouldBe(clock.GetUtcNow(), "accepted during the attempt that began then");
        (await MessagesForAsync(maildir, submitted.ReferenceNumber)).ShouldHaveSingleItem().MessageId.ShouldBe(settled.MessageId);
    }

    [Fact]
    public async Task An_email_in_doubt_that_the_maildir_does_not_hold_is_sent_again_once()
    {
        await using var maildir = await TestMaildirSmtpServer.StartAsync();
        var (clock, id, submitted, system) = await StopInDoubtAsync(maildir);
        await using var _ = system;
        // As a server that lost the message (or never took it) would leave its maildir.
        foreach (var file in Directory.GetFiles(Path.Combine(maildir.Maildir, "new")))
        {
            File.Delete(file);
        }

        await system.StartAgainAsync(Options(maildir, new FakeTimeProvider(clock.GetUtcNow() + TimeSpan.FromMinutes(1))));

        var settled = await system.NotificationAsync(n => n.NotificationId == id.ToString(), n => n.Status == NotificationStatus.Sent);
        settled.DeliveryNote.ShouldBe("Attempt 1 was in doubt; the mail server holds no message with this Message-ID: sent again under the same Message-ID.");
        settled.Attempts.ShouldBe(2);
        var copy = await Eventually.ReturnsAsync(() => MessagesForAsync(maildir, submitted.ReferenceNumber), m => m.Count > 0, TimeSpan.FromSeconds(10));
        copy.ShouldHaveSingleItem().MessageId.ShouldBe(settled.MessageId);
    }

    [Theory]
    [InlineData("relative/maildir", false, "is not the absolute path of a maildir")]
    [InlineData("/nonexistent/program287g-maildir", false, "is not the absolute path of a maildir")]
    [InlineData(null, true, "Name one mail server to ask, not two")]
    public async Task A_maildir_that_is_not_one_or_named_beside_smtp4dev_stops_the_service_at_start(string? path, bool besideSmtp4dev, string expected)
    {
        await using var maildir = await TestMaildirSmtpServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ResourceNames.Smtp}"] = maildir.ConnectionString,
            ["Notifications:DeliveryCheck:Maildir"] = path ?? maildir.Maildir,
            ["Notifications:DeliveryCheck:Smtp4devUrl"] = besideSmtp4dev ? "http://127.0.0.1:5000/" : null,
        };
        await using var host = await servers.StartServiceAsync<NotificationServiceMarker>(ResourceNames.NotificationDatabase, new TestTokens(),
            settings, waitUntilServing: false);

        var failure = Should.Throw<Exception>(() => host.Services);

        failure.ToString().ShouldContain(expected);
        failure.ToString().ShouldContain("Maildir");
    }

    /// <summary>An application's acknowledgment accepted by the maildir server, and the service stopped before it recorded
    /// the acceptance: the attempt is left in doubt.</summary>
    private async Task<(FakeTimeProvider Clock, Guid Id, Program287g.Contracts.Agreement.ApplicationSubmitted Submitted, NotificationSystem System)> StopInDoubtAsync(
        TestMaildirSmtpServer maildir)
    {
        var clock = Eastern.Clock(2026, 3, 10, 10);
        var stop = new StopAfterAccept();
        var system = await NotificationSystem.StartAsync(servers, Options(maildir, clock) with { Checkpoint = stop });
        var submitted = TestEvents.ApplicationSubmitted(clock.GetUtcNow());
        await system.PublishAsync(submitted);
        var id = await stop.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        (await MessagesForAsync(maildir, submitted.ReferenceNumber)).Count.ShouldBe(1, "the server accepted it");
        await system.StopAsync();
        (await system.QueryAsync<bool>("SELECT attempt_started_at IS NOT NULL AND sent_at IS NULL FROM notifications WHERE id = @id",
            new { id })).ShouldBeTrue("the attempt is recorded, its outcome is not");
        return (clock, id, submitted, system);
    }

    private static NotificationHostOptions Options(TestMaildirSmtpServer maildir, FakeTimeProvider clock) => new()
    {
        Clock = clock,
        DeliveryCheck = false, // not smtp4dev's
        Settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ResourceNames.Smtp}"] = maildir.ConnectionString,
            ["Notifications:DeliveryCheck:Maildir"] = maildir.Maildir,
        },
    };

    private static async Task<List<MaildirMessage>> MessagesForAsync(TestMaildirSmtpServer maildir, string reference) =>
        (await maildir.MessagesAsync()).Where(m => m.Subject.EndsWith($"({reference})", StringComparison.Ordinal)).ToList();
}
