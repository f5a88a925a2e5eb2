using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;
using Program287g.Testing;

namespace Program287g.ServiceTests.Mailbox;

/// <summary>The program mailbox as the AppHost runs it natively, Debian's Dovecot from a generated configuration
/// (NativeDovecot), each test on a server of its own, spoken to over IMAP as the services and a person with curl would.</summary>
public sealed class MailboxServerTests : IAsyncLifetime
{
    private TestImapServer _imap = null!;

    // Always a native server of the test's own, even with PROGRAM287G_TEST_IMAP set: these tests kill it and count on it.
    public async Task InitializeAsync() => _imap = await TestImapServer.StartNativeAsync();

    public async Task DisposeAsync() => await _imap.DisposeAsync();

    [Fact]
    public async Task Two_appended_messages_are_counted_and_read_back_with_their_uids_flags_and_arrival_times()
    {
        var arrived = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.FromHours(-5));
        var first = await _imap.AppendAsync(Message("Inquiry from Harris County"), arrived);
        var second = await _imap.AppendAsync(Message("Inquiry from Polk County"));

        (await _imap.CountAsync()).ShouldBe(2);
        var messages = await _imap.MessagesAsync();
        messages.Select(m => m.Uid).ShouldBe([first, second]);
        second.Id.ShouldBeGreaterThan(first.Id);
        messages.Select(m => m.Message.Subject).ShouldBe(["Inquiry from Harris County", "Inquiry from Polk County"]);
        messages[0].InternalDate.ShouldBe(arrived);
        (messages[0].Message.TextBody ?? "").ShouldContain("one business day");
        // Reading them (BODY.PEEK) left them unread, as a mailbox reader that only looks must.
        (await _imap.MessagesAsync()).ShouldAllBe(m => (m.Flags & MessageFlags.Seen) == 0);
        (await _imap.CountAsync(TestImapServer.RecordedFolder)).ShouldBe(0);
    }

    [Fact]
    public async Task The_recorded_folder_exists_and_is_subscribed_from_the_first_login()
    {
        using var client = await _imap.ConnectAsync();
        var personal = client.PersonalNamespaces[0];

        (await client.GetFoldersAsync(personal, StatusItems.None, subscribedOnly: false)).Select(f => f.FullName).ShouldContain(TestImapServer.RecordedFolder);
        (await client.GetFoldersAsync(personal, StatusItems.None, subscribedOnly: true)).Select(f => f.FullName).ShouldContain(TestImapServer.RecordedFolder);
        await _imap.AppendAsync(Message("Recorded inquiry"), folder: TestImapServer.RecordedFolder);
        (await _imap.CountAsync(TestImapServer.RecordedFolder)).ShouldBe(1);
        (await _imap.CountAsync()).ShouldBe(0);
        await client.DisconnectAsync(quit: true);
    }

    [Fact]
    public async Task A_client_idling_on_the_inbox_is_woken_by_an_append_from_another_connection()
    {
        using var client = await _imap.ConnectAsync();
        client.Capabilities.HasFlag(ImapCapabilities.Idle).ShouldBeTrue();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var woken = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Inbox.CountChanged += (_, _) => woken.TrySetResult(client.Inbox.Count);
        using var done = new CancellationTokenSource();

        var idle = client.IdleAsync(done.Token);
        await Eventually.ReturnsAsync(() => Task.FromResult(client.IsIdle), idling => idling, TimeSpan.FromSeconds(10));
        await _imap.AppendAsync(Message("Arrived while idling"));

        (await woken.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe(1);
        await done.CancelAsync();
        await idle;
        await client.DisconnectAsync(quit: true);
    }

    [Fact]
    public async Task Messages_survive_a_kill_of_every_dovecot_process_and_a_start_again_on_the_same_port()
    {
        UniqueId[] uids = [await _imap.AppendAsync(Message("Before the kill, 1")), await _imap.AppendAsync(Message("Before the kill, 2"))];
        var port = _imap.Port;
        // A session open across the kill: its imap process goes too, not only the master.
        using var session = await _imap.ConnectAsync();
        await session.Inbox.OpenAsync(FolderAccess.ReadOnly);

        await _imap.KillAsync();

        await Should.ThrowAsync<Exception>(() => session.NoOpAsync());
        await Should.ThrowAsync<Exception>(() => _imap.CountAsync());
        await _imap.StartAgainAsync();
        _imap.Port.ShouldBe(port);
        var messages = await _imap.MessagesAsync();
        messages.Select(m => m.Uid).ShouldBe(uids);
        messages.Select(m => m.Message.Subject).ShouldBe(["Before the kill, 1", "Before the kill, 2"]);
        (await _imap.CountAsync(TestImapServer.RecordedFolder)).ShouldBe(0);
    }

    [Fact]
    public async Task A_stopped_server_refuses_connections_and_starts_again_with_its_mail()
    {
        var uid = await _imap.AppendAsync(Message("Before the stop"));

        await _imap.StopAsync();

        await Should.ThrowAsync<Exception>(() => _imap.CountAsync());
        await _imap.StartAgainAsync();
        (await _imap.MessagesAsync()).ShouldHaveSingleItem().Uid.ShouldBe(uid);
    }

    [Fact]
    public async Task The_connection_string_names_the_user_and_port_and_a_wrong_password_is_refused()
    {
        _imap.ConnectionString.ShouldBe($"imap://{_imap.UserName}:{_imap.Password}@127.0.0.1:{_imap.Port}/INBOX");
        using var client = new ImapClient();
        await client.ConnectAsync(_imap.Host, _imap.Port, SecureSocketOptions.None);
        // One try, with the LOGIN command: MailKit would otherwise try each SASL mechanism in turn, and Dovecot delays
        // each failure from an address longer than the last (2 + 4 + 8 s).
        client.AuthenticationMechanisms.Clear();

        await Should.ThrowAsync<AuthenticationException>(() => client.AuthenticateAsync(_imap.UserName, _imap.Password + "0"));
    }

    private static MimeMessage Message(string subject) => new()
    {
        From = { new MailboxAddress("Jo Doe", "jo.doe@example.gov") },
        To = { new MailboxAddress("287(g) Program", "program287g@example.gov") },
        Subject = subject,
        Body = new TextPart("plain") { Text = "Please acknowledge within one business day." },
    };
}
