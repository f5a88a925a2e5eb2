using System.Diagnostics.Metrics;
using Program287g.Notification.V1;
using Program287g.ServiceTests.Notifications;
using Program287g.Testing;

namespace Program287g.ServiceTests.Mailbox;

/// <summary>The mailbox's guarantees when things stop: the service between a record and its move, the IMAP server for
/// a while. Nothing is lost, nothing recorded or answered twice, and lateness is counted from when the server received
/// the mail.</summary>
[Collection(ServersCollection.Name)]
public sealed class MailboxFaultTests(TestInfrastructure servers)
{
    [Fact]
    public async Task The_service_stopped_after_recording_and_before_moving_a_message_records_it_once_when_restarted()
    {
        var stop = new StopAfterRecord();
        await using var system = await MailboxSystem.StartAsync(servers, stop);
        var sender = TestEvents.NewRecipient();
        var question = TestMail.Message(sender, "Nominee training", "Where is the training held?");
        await system.Imap.AppendAsync(question);

        await stop.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        // The acknowledgment the record made goes out meanwhile (the sender is not the intake, and is not held): once it
        // is sent, stopping the host leaves no send in flight, so what follows is the intake's doing alone.
        await system.Notifications.NotificationAsync(n => n.Kind == NotificationKind.InquiryAcknowledgment, n => n.Status == NotificationStatus.Sent);
        await system.Notifications.StopAsync();

        // What the crash left: the record committed, the message still in the inbox.
        (await system.Imap.CountAsync("INBOX")).ShouldBe(1);
        (await system.Notifications.QueryAsync<long>("SELECT count(*) FROM mailbox_messages")).ShouldBe(1);

        await system.Notifications.StartAgainAsync(MailboxSystem.HostOptions(system.Imap));

        (await Eventually.ReturnsAsync(() => system.Imap.CountAsync("INBOX"), count => count == 0, TimeSpan.FromSeconds(30))).ShouldBe(0);
        (await system.Imap.CountAsync(TestImapServer.RecordedFolder)).ShouldBe(1);
        await MailboxIntakeTests.AskAfterAsync(system, TestEvents.NewRecipient());
        (await system.Notifications.QueryAsync<long>(
            "SELECT count(*) FROM mailbox_messages WHERE internet_message_id = @id", new { id = question.MessageId })).ShouldBe(1);
        (await system.Notifications.QueryAsync<long>("SELECT count(*) FROM mailbox_copies c JOIN mailbox_messages m ON m.id = c.message_id "
            + "WHERE m.internet_message_id = @id", new { id = question.MessageId })).ShouldBe(1);
        (await system.Mailbox().ListInquiriesAsync(new ListInquiriesRequest())).Inquiries.Count(i => i.ContactEmail == sender).ShouldBe(1);
        (await system.Notifications.MailAsync(sender)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Mail_that_arrived_while_the_imap_server_was_down_is_caught_up_on_time_or_late_as_its_arrival_says()
    {
        await using var system = await MailboxSystem.StartAsync(servers);
        var first = TestMail.Message(TestEvents.NewRecipient(), "Before the outage", "Is the program open?");
        await system.Imap.AppendAsync(first);
        await system.RecordedAsync(first);
        // This host's mailbox counters only (other hosts in the process have meters of the same name), counted from here.
        using var meter = new ServiceMeter(system.Notifications.Host.Services.GetRequiredService<IMeterFactory>(), "program287g.mailbox.");

        await system.Imap.KillAsync();
        // Down until the reader has lost its connection and failed to reconnect: two failures counted since the kill.
        await meter.CountedAsync("program287g.mailbox.failures", failed => failed >= 2, TimeSpan.FromSeconds(30));
        await system.Imap.StartAgainAsync();
        // What the mail server took in meanwhile: one message five days ago (its answer is overdue), one just now.
        var fiveDaysAgo = DateTimeOffset.UtcNow.AddDays(-5);
        var old = TestMail.Message(TestEvents.NewRecipient(), "Sent last week", "We wrote last week; did you receive it?");
        var recent = TestMail.Message(TestEvents.NewRecipient(), "Sent today", "A question of today.");
        await system.Imap.AppendAsync(old, fiveDaysAgo);
        await system.Imap.AppendAsync(recent);

        var oldRecord = await system.RecordedAsync(old);
        var recentRecord = await system.RecordedAsync(recent);
        oldRecord.ReceivedAt.ToDateTimeOffset().ShouldBe(fiveDaysAgo, TimeSpan.FromSeconds(1));
        var late = await system.Notifications.NotificationAsync(n => n.ReferenceNumber == oldRecord.ReferenceNumber,
            n => n.Status == NotificationStatus.Sent);
        var onTime = await system.Notifications.NotificationAsync(n => n.ReferenceNumber == recentRecord.ReferenceNumber,
            n => n.Status == NotificationStatus.Sent);
        late.ReceivedAt.ToDateTimeOffset().ShouldBe(fiveDaysAgo, TimeSpan.FromSeconds(1));
        late.Timeliness.ShouldBe(Timeliness.Late);
        onTime.Timeliness.ShouldBe(Timeliness.OnTime);
        (await system.AllRecordedAsync()).Count.ShouldBe(3);
        // The last one is moved after its record's commit, perhaps after its acknowledgment went out: waited for.
        (await Eventually.ReturnsAsync(() => system.Imap.CountAsync("INBOX"), count => count == 0, TimeSpan.FromSeconds(10))).ShouldBe(0);
    }
}
