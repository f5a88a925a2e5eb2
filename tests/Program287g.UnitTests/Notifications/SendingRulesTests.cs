extern alias NotificationService;

using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using NotificationService::Program287g.Notification.Domain;
using NotificationService::Program287g.Notification.Sending;

namespace Program287g.UnitTests.Notifications;

/// <summary>The sender's small rules: which failures mean "not sent", what an error may say, addresses, the SMTP
/// connection string, the backoff, and timeliness.</summary>
public sealed class SendingRulesTests
{
    [Fact]
    public void A_servers_reply_quoting_an_address_is_stored_without_it()
    {
        var reply = new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable,
            "5.1.1 <jo.doe@example.gov>: Recipient address rejected; also tried \"Jo\" jo@example.gov");

        var text = SmtpFailures.Describe(reply);

        text.ShouldBe("SMTP 550 (RecipientNotAccepted): 5.1.1 <[address]>: Recipient address rejected; also tried \"Jo\" [address]");
        SmtpFailures.Scrub(new string('x', 600)).Length.ShouldBe(500);
    }

    [Fact]
    public void Only_failures_before_the_server_can_have_accepted_the_message_count_as_not_sent()
    {
        SmtpFailures.CertainlyNotSent(new SocketException((int)SocketError.ConnectionRefused), connected: false).ShouldBeTrue();
        SmtpFailures.CertainlyNotSent(new IOException("broken pipe"), connected: false).ShouldBeTrue("it never connected");
        SmtpFailures.CertainlyNotSent(new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.TransactionFailed, "no"),
            connected: true).ShouldBeTrue("the server answered the data with an error");
        SmtpFailures.CertainlyNotSent(new AuthenticationException("bad credentials"), connected: true).ShouldBeTrue();
        SmtpFailures.CertainlyNotSent(new IOException("connection reset"), connected: true).ShouldBeFalse("it may have been accepted");
        SmtpFailures.CertainlyNotSent(new SmtpProtocolException("unexpected reply"), connected: true).ShouldBeFalse();
        SmtpFailures.CertainlyNotSent(new TimeoutException(), connected: true).ShouldBeFalse();
    }

    [Theory]
    [InlineData("jo@example.gov", true)]
    [InlineData(" jo.doe+287g@sub.example.gov ", true)]
    [InlineData("jo@localhost", true)]
    [InlineData("", false)]
    [InlineData("jo", false)]
    [InlineData("jo@", false)]
    [InlineData("@example.gov", false)]
    [InlineData("Jo <jo@example.gov>", false)]
    [InlineData("a@example.gov, b@example.gov", false)]
    [InlineData("jo doe@example.gov", false)]
    public void An_address_to_send_to_is_one_bare_mailbox(string text, bool valid)
    {
        EmailAddresses.IsValid(text).ShouldBe(valid);
    }

    [Fact]
    public void The_smtp_connection_string_names_host_port_security_and_credentials()
    {
        SmtpEndpoint.Parse("smtp://127.0.0.1:52525").ShouldBe(new SmtpEndpoint("127.0.0.1", 52525, SecureSocketOptions.None, null));
        SmtpEndpoint.Parse("smtp://mail.example.gov").Port.ShouldBe(25);
        var secure = SmtpEndpoint.Parse("smtps://relay%40ice:p%3Ass@mail.example.gov");
        secure.Port.ShouldBe(465);
        secure.Security.ShouldBe(SecureSocketOptions.SslOnConnect);
        secure.Credentials!.UserName.ShouldBe("relay@ice");
        secure.Credentials.Password.ShouldBe("p:ss");
        Should.Throw<InvalidOperationException>(() => SmtpEndpoint.Parse(null)).Message.ShouldContain("ConnectionStrings:smtp");
        Should.Throw<InvalidOperationException>(() => SmtpEndpoint.Parse("http://mail.example.gov"));
    }

    [Fact]
    public void Retries_back_off_exponentially_to_a_ceiling_and_never_stop()
    {
        var options = new SendingOptions { FirstRetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromMinutes(5) };

        Enumerable.Range(1, 12).Select(options.RetryDelay).Select(d => d.TotalSeconds)
            .ShouldBe([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]);
        options.RetryDelay(1_000_000).ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void Done_by_the_due_time_is_on_time_and_not_done_is_overdue_only_after_it()
    {
        var due = new DateTime(2026, 3, 11, 14, 0, 0, DateTimeKind.Utc);
        var atDue = new DateTimeOffset(due);

        Timelinesses.Of(due, due, atDue).ShouldBe(Timeliness.OnTime);
        Timelinesses.Of(due, due.AddTicks(10), atDue).ShouldBe(Timeliness.Late);
        Timelinesses.Of(due, null, atDue).ShouldBe(Timeliness.Pending);
        Timelinesses.Of(due, null, atDue.AddTicks(10)).ShouldBe(Timeliness.Overdue);
        Timelinesses.Of(null, null, atDue).ShouldBe(Timeliness.NotOwed);
    }

    [Fact]
    public void A_time_zone_the_machine_does_not_know_is_refused_at_start_up()
    {
        static List<System.ComponentModel.DataAnnotations.ValidationResult> Check(CalendarOptions options)
        {
            var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
            System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options,
                new System.ComponentModel.DataAnnotations.ValidationContext(options), results, validateAllProperties: true);
            return results;
        }

        Check(new CalendarOptions()).ShouldBeEmpty();
        Check(new CalendarOptions { TimeZone = "America/Los_Angeles" }).ShouldBeEmpty();
        Check(new CalendarOptions { TimeZone = "Mars/Olympus_Mons" }).ShouldHaveSingleItem().ErrorMessage
            .ShouldBe("Notifications:Calendar:TimeZone 'Mars/Olympus_Mons' is not a time zone this machine knows.");
    }
}
