using System.Diagnostics.Metrics;
using MimeKit;
using Program287g.Notification.V1;
using Program287g.ServiceTests.Notifications;
using Program287g.Testing;

namespace Program287g.ServiceTests.Mailbox;

/// <summary>Two instances of the Notification service on one mailbox: one reads it (the one holding the lease), the
/// other waits, and takes over when the reader stops; every message is recorded and acknowledged once.</summary>
[Collection(ServersCollection.Name)]
public sealed class MailboxLeaseTests(TestInfrastructure servers)
{
    [Fact]
    public async Task Of_two_instances_one_reads_the_mailbox_and_the_other_takes_over_when_it_stops()
    {
        await using var system = await MailboxSystem.StartAsync(servers);
        await using var other = await system.Notifications.StartAnotherInstanceAsync();
        using var firstMeter = new ServiceMeter(system.Notifications.Host.Services.GetRequiredService<IMeterFactory>(), "program287g.mailbox.");
        using var otherMeter = new ServiceMeter(other.Services.GetRequiredService<IMeterFactory>(), "program287g.mailbox.");
        var sender = TestEvents.NewRecipient();
        var before = Enumerable.Range(1, 5).Select(n => TestMail.Message(sender, $"Question {n} before", "When is training?")).ToList();

        foreach (var email in before)
        {
            await system.Imap.AppendAsync(email);
        }

        foreach (var email in before)
        {
            await system.RecordedAsync(email, m => m.ReferenceNumber.Length > 0);
        }
        // Exactly one of the two read them: it says so, and only it recorded any.
        var readers = await Eventually.ReturnsAsync(async () => (await ReaderAsync(firstMeter), await ReaderAsync(otherMeter)),
            r => r.Item1 + r.Item2 == 1, TimeSpan.FromSeconds(10));
        var (reader, idle) = readers.Item1 == 1 ? (firstMeter, otherMeter) : (otherMeter, firstMeter);
        reader.Counted("program287g.mailbox.recorded").ShouldBe(before.Count);
        idle.Counted("program287g.mailbox.recorded").ShouldBe(0);
        (await system.Notifications.MailAsync(sender, count: before.Count)).Count.ShouldBe(before.Count);

        await system.Notifications.StopAsync();
        var after = Enumerable.Range(1, 3).Select(n => TestMail.Message(sender, $"Question {n} after", "Where is training?")).ToList();
        foreach (var email in after)
        {
            await system.Imap.AppendAsync(email);
        }

        var survivor = new NotificationService.NotificationServiceClient(other.Channel(system.Notifications.Tokens.Staff()));
        foreach (var email in after)
        {
            await RecordedAsync(survivor, email);
        }
        (await ReaderAsync(otherMeter)).ShouldBe(1);
        var all = (await survivor.ListMailboxMessagesAsync(new ListMailboxMessagesRequest { PageSize = 500 })).Messages;
        all.Select(m => m.InternetMessageId).ShouldBe(before.Concat(after).Select(e => e.MessageId), ignoreOrder: true);
        (await system.Notifications.MailAsync(sender, count: before.Count + after.Count)).Count.ShouldBe(before.Count + after.Count);
        (await Eventually.ReturnsAsync(() => system.Imap.CountAsync("INBOX"), count => count == 0, TimeSpan.FromSeconds(10))).ShouldBe(0);
    }

    private static Task<double> ReaderAsync(ServiceMeter meter) => meter.GaugeAsync("program287g.mailbox.reader", null, _ => true);

    private static async Task RecordedAsync(NotificationService.NotificationServiceClient client, MimeMessage email) =>
        await Eventually.ReturnsAsync(async () => (await client.ListMailboxMessagesAsync(new ListMailboxMessagesRequest { PageSize = 500 }))
            .Messages.FirstOrDefault(m => m.InternetMessageId == email.MessageId && m.ReferenceNumber.Length > 0),
            found => found is not null, TimeSpan.FromSeconds(30));
}
