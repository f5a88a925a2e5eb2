using MailKit;
using MimeKit;
using Program287g.Testing;

namespace Program287g.EndToEndTests;

/// <summary>The mailbox of the system as ./run.sh starts it: the connection string the Notification service is given
/// logs in, and what is appended there stays, beside the Recorded folder.</summary>
[Collection(AppHostCollection.Name)]
public sealed class MailboxAcrossTheSystemTests(AppHostFixture system)
{
    [Fact]
    public async Task The_mailbox_the_notification_service_is_given_takes_an_append_and_has_the_recorded_folder()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await system.App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Mailbox, timeout.Token);
        var connectionString = await system.App.GetConnectionStringAsync(ResourceNames.Mailbox, timeout.Token);
        await using var mailbox = TestImapServer.Running(connectionString.ShouldNotBeNull());
        var subject = $"Inquiry {Guid.NewGuid():N}";

        var uid = await mailbox.AppendAsync(new MimeMessage
        {
            From = { new MailboxAddress("Jo Doe", "jo.doe@example.gov") },
            To = { new MailboxAddress("287(g) Program", "program287g@example.gov") },
            Subject = subject,
            Body = new TextPart("plain") { Text = "How does our office apply for the Task Force Model?" },
        });

        (await mailbox.MessagesAsync()).ShouldContain(m => m.Uid == uid && m.Message.Subject == subject);
        using var client = await mailbox.ConnectAsync(timeout.Token);
        (await client.GetFoldersAsync(client.PersonalNamespaces[0], StatusItems.None, subscribedOnly: true, timeout.Token))
            .Select(f => f.FullName).ShouldContain(TestImapServer.RecordedFolder);
        await client.DisconnectAsync(quit: true, timeout.Token);
    }
}
