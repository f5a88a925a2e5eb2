using System.Diagnostics.Metrics;
using Program287g.Notification.V1;
using Program287g.Testing;

namespace Program287g.ServiceTests.Notifications;

/// <summary>The promise in the dashboard: what is owed and not yet sent ("due"), what of it is overdue, the age of the
/// oldest unsent one, and the emails sent on time and late, read from the service's own meter as the exporter reads it.</summary>
[Collection(ServersCollection.Name)]
public sealed class MetricsTests(TestInfrastructure servers)
{
    private const string Acknowledgments = "application-acknowledgment";

    [Fact]
    public async Task Due_overdue_oldest_unsent_age_and_sent_on_time_or_late_follow_what_happens()
    {
        var clock = Eastern.Clock(2026, 3, 10, 10);
        await using var smtp = await servers.StartSmtpServerAsync();
        await using var system = await NotificationSystem.StartAsync(servers, new() { Clock = clock, Smtp = smtp });
        using var meter = new ServiceMeter(system.Host.Services.GetRequiredService<IMeterFactory>(), "program287g.notifications.");
        await smtp.StopAsync();
        var late = new[] { TestEvents.ApplicationSubmitted(clock.GetUtcNow()), TestEvents.ApplicationSubmitted(clock.GetUtcNow()) };

        foreach (var submitted in late)
        {
            await system.PublishAsync(submitted);
        }

        await meter.GaugeAsync("program287g.notifications.due", Acknowledgments, value => value == 2);
        (await meter.GaugeAsync("program287g.notifications.overdue", Acknowledgments, value => value == 0)).ShouldBe(0);
        clock.Advance(TimeSpan.FromMinutes(10));
        await meter.GaugeAsync("program287g.notifications.oldest_unsent_age", null, value => value >= 600);
        clock.Advance(TimeSpan.FromDays(1));
        await meter.GaugeAsync("program287g.notifications.overdue", Acknowledgments, value => value == 2);
        meter.Counted("program287g.notifications.send_failures").ShouldBeGreaterThan(0);

        await smtp.StartAgainAsync();
        clock.Advance(TimeSpan.FromMinutes(5));
        foreach (var submitted in late)
        {
            await system.NotificationAsync(n => n.ReferenceNumber == submitted.ReferenceNumber, n => n.Status == NotificationStatus.Sent);
        }
        var onTime = TestEvents.ApplicationSubmitted(clock.GetUtcNow());
        await system.PublishAsync(onTime);
        await system.NotificationAsync(n => n.ReferenceNumber == onTime.ReferenceNumber, n => n.Status == NotificationStatus.Sent);

        meter.Counted("program287g.notifications.sent", ("kind", Acknowledgments), ("timeliness", "late")).ShouldBe(2);
        meter.Counted("program287g.notifications.sent", ("kind", Acknowledgments), ("timeliness", "on_time")).ShouldBe(1);
        await meter.GaugeAsync("program287g.notifications.due", Acknowledgments, value => value == 0);
        await meter.GaugeAsync("program287g.notifications.oldest_unsent_age", null, value => value == 0);
    }

    [Fact]
    public async Task Each_of_two_instances_reports_the_whole_backlog_whichever_consumed_it()
    {
        var clock = Eastern.Clock(2026, 3, 10, 10);
        await using var smtp = await servers.StartSmtpServerAsync();
        await using var system = await NotificationSystem.StartAsync(servers, new() { Clock = clock, Smtp = smtp });
        await using var other = await system.StartAnotherInstanceAsync();
        using var first = new ServiceMeter(system.Host.Services.GetRequiredService<IMeterFactory>(), "program287g.notifications.");
        using var second = new ServiceMeter(other.Services.GetRequiredService<IMeterFactory>(), "program287g.notifications.");
        await smtp.StopAsync();
        var owed = Enumerable.Range(0, 6).Select(_ => TestEvents.ApplicationSubmitted(clock.GetUtcNow())).ToList();

        foreach (var submitted in owed)
        {
            await system.PublishAsync(submitted);
        }

        // Whichever of the two consumed an event and holds its notification, each samples the backlog from the database.
        (await first.GaugeAsync("program287g.notifications.due", Acknowledgments, value => value == owed.Count)).ShouldBe(owed.Count);
        (await second.GaugeAsync("program287g.notifications.due", Acknowledgments, value => value == owed.Count)).ShouldBe(owed.Count);
        // Received on a Tuesday morning, due by the end of Wednesday: overdue on Thursday.
        clock.Advance(TimeSpan.FromDays(2));
        (await first.GaugeAsync("program287g.notifications.overdue", Acknowledgments, value => value == owed.Count)).ShouldBe(owed.Count);
        (await second.GaugeAsync("program287g.notifications.overdue", Acknowledgments, value => value == owed.Count)).ShouldBe(owed.Count);
    }
}
