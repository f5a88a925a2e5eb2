using Microsoft.Extensions.Time.Testing;
using Program287g.Notification.V1;
using Program287g.Testing;

namespace Program287g.ServiceTests.Notifications;

/// <summary>What goes wrong between the service and the SMTP server, and what each fault leaves: SMTP down (retried
/// with backoff until it is back), the service stopped between the server's acceptance and its record (settled by the
/// delivery check, or sent again under the same Message-ID), several instances (each email once), the service down
/// while events arrive (sent once it is back).</summary>
[Collection(ServersCollection.Name)]
public sealed class SendingFaultTests(TestInfrastructure servers)
{
    [Fact]
    public async Task While_smtp_is_down_attempts_back_off_and_the_email_goes_out_once_after_it_comes_back()
    {
        var clock = Eastern.Clock(2026, 3, 10, 10);
        await using var smtp = await servers.StartSmtpServerAsync();
        await using var system = await NotificationSystem.StartAsync(servers, new() { Clock = clock, Smtp = smtp });
        var submitted = TestEvents.ApplicationSubmitted(clock.GetUtcNow());
        await smtp.StopAsync();

        await system.PublishAsync(submitted);

        var first = await system.AttemptSettledAsync(submitted.ReferenceNumber, attempts: 1);
        first.Status.ShouldBe(NotificationStatus.Pending);
        first.LastError.ShouldContain("SMTP server could not be reached");
        first.LastError.ShouldNotContain(submitted.ContactEmail!);
        (first.NextAttemptAt.ToDateTimeOffset() - clock.GetUtcNow()).ShouldBe(TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(1));
        var second = await system.AttemptSettledAsync(submitted.ReferenceNumber, attempts: 2);
        (second.NextAttemptAt.ToDateTimeOffset() - clock.GetUtcNow()).ShouldBe(TimeSpan.FromSeconds(2), "the delay doubles");

        await smtp.StartAgainAsync();
        clock.Advance(TimeSpan.FromSeconds(2));

        var mail = (await system.MailAsync(submitted.ReferenceNumber)).ShouldHaveSingleItem();
        mail.To.ShouldBe([submitted.ContactEmail!]);
        var sent = await system.NotificationAsync(n => n.ReferenceNumber == submitted.ReferenceNumber, n => n.Status == NotificationStatus.Sent);
        sent.Attempts.ShouldBe(3);
        sent.LastError.ShouldBeEmpty();
        sent.SentAt.ToDateTimeOffset().ShouldBe(clock.GetUtcNow());
        sent.Timeliness.ShouldBe(Timeliness.OnTime);
        (await smtp.MessagesAsync(submitted.ReferenceNumber)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_backlog_goes_out_on_connections_of_at_most_the_configured_number_of_messages()
    {
        var clock = Eastern.Clock(2026, 3, 10, 10);
        await using var smtp = await servers.StartSmtpServerAsync();
        await using var system = await NotificationSystem.StartAsync(servers, new()
        {
            Clock = clock, Smtp = smtp,
            Settings = new Dictionary<string, string?>
            {
                ["Notifications:Sending:Concurrency"] = "1", ["Notifications:Sending:MessagesPerConnection"] = "2",
            },
        });
        var submitted = Enumerable.Range(0, 5).Select(_ => TestEvents.ApplicationSubmitted(clock.GetUtcNow())).ToList();
        await smtp.StopAsync();
        foreach (var message in submitted)
        {
            await system.PublishAsync(message);
        }
        foreach (var message in submitted)
        {
            // Each tried once and waiting: the five are due together once the server is back.
            await system.AttemptSettledAsync(message.ReferenceNumber, attempts: 1);
        }

        await smtp.StartAgainAsync();
        clock.Advance(TimeSpan.FromSeconds(1));

        foreach (var message in submitted)
        {
            (await system.MailAsync(message.ReferenceNumber)).ShouldHaveSingleItem();
        }
        // smtp4dev saves a message (and its session's count) after its 250 to the client: wait for the record to catch up.
        var sessions = (await Eventually.ReturnsAsync(smtp.MessagesPerSessionAsync, counts => counts.Sum() >= 5, TimeSpan.FromSeconds(10)))
            .Where(count => count > 0).ToList();
        sessions.Sum().ShouldBe(5);
        sessions.ShouldAllBe(count => count <= 2, "a connection is closed after two messages");
        sessions.Count.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Stopped_between_the_smtp_servers_acceptance_and_its_record_the_service_finds_the_email_on_restart_and_sends_none_again()
    {
        var clock = Eastern.Clock(2026, 3, 10, 10);
        var stop = new StopAfterAccept();
        await using var system = await NotificationSystem.StartAsync(servers, new() { Clock = clock, Checkpoint = stop });
        var submitted = TestEvents.ApplicationSubmitted(clock.GetUtcNow());

        await system.PublishAsync(submitted);
        var id = await stop.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        await system.MailAsync(submitted.ReferenceNumber); // the server accepted it
        await system.StopAsync();

        (await system.QueryAsync<bool>("SELECT attempt_started_at IS NOT NULL AND sent_at IS NULL FROM notifications WHERE id = @id",
            new { id })).ShouldBeTrue("the attempt is recorded, its outcome is not");
        // Restarted after the dead sender's lease: one attempt timeout for its one row, plus the margin.
        await system.StartAgainAsync(new() { Clock = new FakeTimeProvider(clock.GetUtcNow() + TimeSpan.FromMinutes(1)) });

        var settled = await system.NotificationAsync(n => n.NotificationId == id.ToString(), n => n.Status == NotificationStatus.Sent);
        settled.DeliveryNote.ShouldBe("Attempt 1 was in doubt; the mail server holds a message with this Message-ID: recorded as sent, not sent again.");
        settled.Attempts.ShouldBe(1);
        settled.SentAt.ToDateTimeOffset().ShouldBe(clock.GetUtcNow(), "accepted during the attempt that began then");
        (await system.MailAsync(submitted.ReferenceNumber)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Without_a_delivery_check_an_email_in_doubt_is_sent_again_under_the_same_message_id()
    {
        var clock = Eastern.Clock(2026, 3, 10, 10);
        var stop = new StopAfterAccept();
        await using var system = await NotificationSystem.StartAsync(servers, new() { Clock = clock, Checkpoint = stop, DeliveryCheck = false });
        var submitted = TestEvents.ApplicationSubmitted(clock.GetUtcNow());

        await system.PublishAsync(submitted);
        var id = await stop.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        await system.StopAsync();
        await system.StartAgainAsync(new()
        {
            Clock = new FakeTimeProvider(clock.GetUtcNow() + TimeSpan.FromMinutes(1)), DeliveryCheck = false,
        });

        var settled = await system.NotificationAsync(n => n.NotificationId == id.ToString(), n => n.Status == NotificationStatus.Sent);
        settled.DeliveryNote.ShouldBe("Attempt 1 was in doubt; no delivery check is configured: sent again under the same Message-ID.");
        settled.Attempts.ShouldBe(2);
        var copies = await system.MailAsync(submitted.ReferenceNumber, count: 2);
        copies.Count.ShouldBe(2);
        copies.Select(c => c.Header("Message-ID")).Distinct().ShouldHaveSingleItem().ShouldBe(settled.MessageId);
    }

    [Fact]
    public async Task A_reply_lost_after_the_data_leaves_the_email_in_doubt_and_the_delivery_check_finds_it()
    {
        var clock = Eastern.Clock(2026, 3, 10, 10);
        await using var smtp = await servers.StartSmtpServerAsync();
        await using var proxy = new ReplyLosingProxy(smtp.ConnectionString);
        await using var system = await NotificationSystem.StartAsync(servers, new()
        {
            Clock = clock, Smtp = smtp,
            Settings = new Dictionary<string, string?> { [$"ConnectionStrings:{ResourceNames.Smtp}"] = proxy.ConnectionString },
        });
        var submitted = TestEvents.ApplicationSubmitted(clock.GetUtcNow());
        proxy.LoseNextReply();

        await system.PublishAsync(submitted);

        var inDoubt = await system.NotificationAsync(n => n.ReferenceNumber == submitted.ReferenceNumber, n => n.LastError != "");
        inDoubt.Status.ShouldBe(NotificationStatus.Pending);
        inDoubt.Attempts.ShouldBe(1);
        (await system.QueryAsync<bool>("SELECT attempt_started_at IS NOT NULL FROM notifications WHERE id = @id",
            new { id = Guid.Parse(inDoubt.NotificationId) })).ShouldBeTrue("the outcome is unknown, so the attempt stays recorded");
        await system.MailAsync(submitted.ReferenceNumber); // the server has it
        clock.Advance(TimeSpan.FromSeconds(1));

        var settled = await system.NotificationAsync(n => n.ReferenceNumber == submitted.ReferenceNumber, n => n.Status == NotificationStatus.Sent);
        settled.Attempts.ShouldBe(1);
        settled.DeliveryNote.ShouldEndWith("recorded as sent, not sent again.");
        (await smtp.MessagesAsync(submitted.ReferenceNumber)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Two_instances_of_the_service_send_each_email_once()
    {
        await using var system = await NotificationSystem.StartAsync(servers);
        await using var second = await system.StartAnotherInstanceAsync();
        var events = Enumerable.Range(0, 30).Select(_ => TestEvents.ApplicationSubmitted(DateTimeOffset.UtcNow)).ToList();

        await Task.WhenAll(events.Select(system.PublishAsync));

        foreach (var submitted in events)
        {
            await system.NotificationAsync(n => n.ReferenceNumber == submitted.ReferenceNumber, n => n.Status == NotificationStatus.Sent);
        }
        foreach (var submitted in events)
        {
            (await system.MailAsync(submitted.ReferenceNumber)).Count.ShouldBe(1, submitted.ReferenceNumber);
        }
        (await system.QueryAsync<long>("SELECT sum(attempts) FROM notifications")).ShouldBe(30);
    }

    [Fact]
    public async Task Events_that_arrive_while_the_service_is_down_are_acknowledged_once_it_is_back()
    {
        await using var system = await NotificationSystem.StartAsync(servers);
        await system.StopAsync();
        var submitted = TestEvents.ApplicationSubmitted(DateTimeOffset.UtcNow);

        await system.PublishAsync(submitted);
        await system.StartAgainAsync();

        (await system.MailAsync(submitted.ReferenceNumber)).ShouldHaveSingleItem().To.ShouldBe([submitted.ContactEmail!]);
    }
}
