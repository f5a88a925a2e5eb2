extern alias NotificationService;

using System.Text;
using MailKit.Security;
using MimeKit;
using NotificationService::Program287g.Notification.Domain;
using NotificationService::Program287g.Notification.Mailbox;
using NotificationService::Program287g.Notification.Sending;
using Program287g.Domain;
using Program287g.Testing;

namespace Program287g.UnitTests.Notifications;

/// <summary>The mailbox's pure rules: what is automatic mail, which references a reply quotes, what an email's PDFs are,
/// the connection string, and a message's key.</summary>
public sealed class MailboxRulesTests
{
    private const string Own = "287g@program287g.example";
    private const string OwnDomain = "program287g.example";

    private static MimeMessage Person(string subject = "A question about the 287(g) program") =>
        TestMail.Message("jo@county.example.gov", subject, "How do we apply?");

    [Fact]
    public void A_persons_email_is_not_automatic()
    {
        AutomaticMail.Reason(Person(), Own, OwnDomain).ShouldBeNull();
        var saysNo = Person();
        saysNo.Headers.Add("Auto-Submitted", "no");
        AutomaticMail.Reason(saysNo, Own, OwnDomain).ShouldBeNull();
    }

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied")]
    [InlineData("Auto-Submitted", "auto-generated")]
    [InlineData("X-Autoreply", "yes")]
    [InlineData("Precedence", "bulk")]
    [InlineData("List-Id", "<sheriffs.lists.example>")]
    [InlineData("X-Auto-Response-Suppress", "All")]
    public void Mail_with_a_machines_header_is_automatic(string header, string value)
    {
        var message = Person();
        message.Headers.Add(header, value);

        AutomaticMail.Reason(message, Own, OwnDomain).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("Automatic reply: 287(g) application")]
    [InlineData("Out of Office: back Monday")]
    [InlineData("Undeliverable: your message")]
    public void An_out_of_office_subject_is_automatic(string subject) =>
        AutomaticMail.Reason(Person(subject), Own, OwnDomain).ShouldNotBeNull();

    [Fact]
    public void A_delivery_report_is_a_bounce()
    {
        var bounce = new MimeMessage();
        bounce.From.Add(new MailboxAddress("Mail Delivery System", "mailer-daemon@county.example.gov"));
        bounce.Subject = "Delivery Status Notification (Failure)";
        var report = new MultipartReport("delivery-status") { new TextPart("plain") { Text = "Your message could not be delivered." } };
        bounce.Body = report;

        AutomaticMail.Reason(bounce, Own, OwnDomain).ShouldBe("A delivery status report (bounce)");
        var plainDaemon = TestMail.Message("MAILER-DAEMON@county.example.gov", "Returned", "Your message could not be delivered.");
        AutomaticMail.Reason(plainDaemon, Own, OwnDomain).ShouldNotBeNull();
    }

    [Fact]
    public void The_programs_own_emails_coming_back_are_automatic()
    {
        var fromUs = TestMail.Message(Own, "Your inquiry was received", "…");
        AutomaticMail.Reason(fromUs, Own, OwnDomain).ShouldBe("The program's own address");
        var ours = Person();
        ours.MessageId = $"{Guid.NewGuid():N}@{OwnDomain}";
        AutomaticMail.Reason(ours, Own, OwnDomain).ShouldBe("One of the program's own emails");
    }

    [Fact]
    public void Acknowledgments_are_marked_auto_replied_notices_auto_generated_and_answers_not_at_all()
    {
        MailMessages.AutoSubmitted(NotificationKind.ApplicationAcknowledgment).ShouldBe("auto-replied");
        MailMessages.AutoSubmitted(NotificationKind.InquiryAcknowledgment).ShouldBe("auto-replied");
        MailMessages.AutoSubmitted(NotificationKind.AgreementSignedNotice).ShouldBe("auto-generated");
        MailMessages.AutoSubmitted(NotificationKind.InquiryAnswer).ShouldBeNull();
    }

    [Fact]
    public void References_are_found_in_any_case_once_each_and_told_apart()
    {
        var found = QuotedReferences.In("Re: 287g-2026-000042 and 287G-Q-2026-000007; again 287G-2026-000042, not 287G-2026-42");

        found.ShouldBe(["287G-2026-000042", "287G-Q-2026-000007"]);
        QuotedReferences.IsAgreement(found[0]).ShouldBeTrue();
        QuotedReferences.IsInquiry(found[1]).ShouldBeTrue();
        QuotedReferences.IsNomination("287G-N-2026-000001").ShouldBeTrue();
    }

    [Fact]
    public void A_letter_of_interest_and_an_moa_are_told_by_their_titles_and_the_model_by_the_moa()
    {
        var found = ApplicationDocuments.Find(
        [
            // In the order an agency might attach them, with names that say nothing.
            new MailAttachment("scan2.pdf", "application/pdf", TestMail.Moa("Test County Sheriff's Office", "Warrant Service Officer")),
            new MailAttachment("scan1.pdf", "application/pdf", TestMail.LetterOfInterest("Test County Sheriff's Office")),
        ], "Application", "Attached.");

        found.IsApplication.ShouldBeTrue();
        found.LetterOfInterest!.FileName.ShouldBe("scan1.pdf");
        found.Moa!.FileName.ShouldBe("scan2.pdf");
        found.Model.ShouldBe(ProgramModel.WarrantServiceOfficer);
    }

    [Fact]
    public void An_moa_that_names_no_model_takes_the_one_the_email_states_and_otherwise_goes_to_a_person()
    {
        IReadOnlyList<MailAttachment> documents =
        [
            new("loi.pdf", "application/pdf", TestMail.LetterOfInterest("Test PD")),
            new("moa.pdf", "application/pdf", TestMail.Moa("Test PD", modelName: null)),
        ];

        ApplicationDocuments.Find(documents, "Our TFM application", "").Model.ShouldBe(ProgramModel.TaskForce);
        var unstated = ApplicationDocuments.Find(documents, "Our application", "Attached.");
        unstated.HasBothDocuments.ShouldBeTrue();
        unstated.IsApplication.ShouldBeFalse();
        unstated.Missing!.ShouldContain("no single model");
    }

    [Fact]
    public void Pdfs_without_text_are_told_by_their_file_names_and_one_document_alone_is_no_application()
    {
        var scanned = Encoding.ASCII.GetBytes("%PDF-1.4 not a readable document");
        var byName = ApplicationDocuments.Find(
            [new("Signed_LOI.pdf", "application/pdf", scanned), new("MOA-JEM.pdf", "application/octet-stream", scanned)],
            "JEM application", "");
        byName.HasBothDocuments.ShouldBeTrue();
        byName.Model.ShouldBe(ProgramModel.JailEnforcement);

        var letterOnly = ApplicationDocuments.Find([new("loi.pdf", "application/pdf", TestMail.LetterOfInterest("Test PD"))], "", "");
        letterOnly.HasBothDocuments.ShouldBeFalse();
        letterOnly.Missing.ShouldBe("no signed MOA (PDF) attached");
    }

    [Fact]
    public void The_connection_string_names_the_server_the_account_and_the_folder()
    {
        var plain = MailboxEndpoint.Parse("imap://program%40mail:p%3Ass@127.0.0.1:51143/INBOX");
        plain.ShouldBe(new MailboxEndpoint("127.0.0.1", 51143, SecureSocketOptions.None, "program@mail", "p:ss", "INBOX"));
        var tls = MailboxEndpoint.Parse("imaps://user:pw@mail.example.gov");
        (tls.Port, tls.Security, tls.Folder).ShouldBe((993, SecureSocketOptions.SslOnConnect, "INBOX"));
        Should.Throw<FormatException>(() => MailboxEndpoint.Parse("imap://127.0.0.1/INBOX"));
        Should.Throw<FormatException>(() => MailboxEndpoint.Parse("smtp://u:p@127.0.0.1"));
    }

    [Fact]
    public void A_message_is_keyed_by_its_message_id_and_one_without_by_its_bytes()
    {
        IncomingMail.KeyOf("abc@sender.example", "x"u8).ShouldBe("<abc@sender.example>");
        var bytes = Encoding.ASCII.GetBytes("From: a@b.example\r\n\r\nhello");
        IncomingMail.KeyOf(null, bytes).ShouldBe(IncomingMail.KeyOf("  ", bytes));
        IncomingMail.KeyOf(null, bytes).ShouldStartWith("sha256:");
        IncomingMail.KeyOf(null, bytes).ShouldNotBe(IncomingMail.KeyOf(null, Encoding.ASCII.GetBytes("From: a@b.example\r\n\r\nhello!")));
    }

    [Fact]
    public void The_header_section_ends_at_the_first_blank_line()
    {
        HeaderSection.Of(Encoding.ASCII.GetBytes("A: 1\r\nB: 2\r\n\r\nbody\r\n\r\nmore"))
            .ShouldBe(Encoding.ASCII.GetBytes("A: 1\r\nB: 2\r\n\r\n"));
        HeaderSection.Of(Encoding.ASCII.GetBytes("A: 1\n\nbody")).ShouldBe(Encoding.ASCII.GetBytes("A: 1\n\n"));
        HeaderSection.Of(Encoding.ASCII.GetBytes("A: 1")).ShouldBe(Encoding.ASCII.GetBytes("A: 1"));
    }

    [Fact]
    public void A_reply_threads_by_in_reply_to_first_then_its_references_newest_first()
    {
        var reply = Person("Re: your inquiry");
        reply.InReplyTo = "ack@program287g.example";
        reply.References.Add("first@sender.example");
        reply.References.Add("ack@program287g.example");
        var mail = IncomingMail.Parse(Bytes(reply))!;

        mail.Thread.ShouldBe(["ack@program287g.example", "first@sender.example"]);
        mail.Key.ShouldBe($"<{reply.MessageId}>");
        mail.ReplyTo!.Address.ShouldBe("jo@county.example.gov");
    }

    private static byte[] Bytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
