using System.Security.Cryptography;
using Grpc.Core;
using MimeKit;
using Program287g.Notification.V1;
using Program287g.ServiceTests.Notifications;
using Program287g.Testing;

namespace Program287g.ServiceTests.Mailbox;

/// <summary>The program mailbox through a real Dovecot, read by the Notification service, answered through the real
/// SMTP server: what each kind of email becomes, and that each becomes it once.</summary>
[Collection(ServersCollection.Name)]
public sealed class MailboxIntakeTests(TestInfrastructure servers)
{
    [Fact]
    public async Task An_agencys_email_with_both_signed_pdfs_becomes_one_application_with_both_documents_and_one_acknowledgment()
    {
        await using var system = await MailboxSystem.StartAsync(servers);
        var sender = TestEvents.NewRecipient();
        var agency = await system.RegisterAgencyAsync(sender);
        var email = TestMail.Application(sender, agency.Name, "Warrant Service Officer");
        var receivedAt = DateTimeOffset.UtcNow.AddMinutes(-3);

        await system.Imap.AppendAsync(email, receivedAt);

        var record = await system.RecordedAsync(email, m => m.ReferenceNumber.Length > 0);
        record.Outcome.ShouldBe(MailboxOutcome.Application);
        record.AgencyId.ShouldBe(agency.AgencyId);
        record.NeedsAttention.ShouldBeFalse();
        record.ReceivedAt.ToDateTimeOffset().ShouldBe(receivedAt, TimeSpan.FromSeconds(1));
        var application = (await system.Agreements().ListPendingApplicationsAsync(new() { State = "TX" })).Applications.ShouldHaveSingleItem();
        application.ReferenceNumber.ShouldBe(record.ReferenceNumber);
        application.Model.ShouldBe(Program287g.Agreement.V1.Model.Wso);
        application.Agency.AgencyId.ShouldBe(agency.AgencyId);
        var (letter, moa) = Attachments(email);
        application.LetterOfInterest.Sha256.ShouldBe(Sha256(letter));
        application.LetterOfInterest.SizeBytes.ShouldBe(letter.Length);
        application.AgencySignedMoa.Sha256.ShouldBe(Sha256(moa));
        application.AgencySignedMoa.SizeBytes.ShouldBe(moa.Length);
        (await DownloadAsync(system, application.LetterOfInterest.Sha256, application.AgreementId)).ShouldBe(letter);
        (await DownloadAsync(system, application.AgencySignedMoa.Sha256, application.AgreementId)).ShouldBe(moa);
        // One acknowledgment, to the sender, as the reply to the email, marked as a machine's.
        var acknowledgment = (await system.Notifications.MailAsync(sender)).ShouldHaveSingleItem();
        acknowledgment.Subject.ShouldContain(record.ReferenceNumber);
        acknowledgment.Header("In-Reply-To").ShouldBe($"<{email.MessageId}>");
        acknowledgment.Header("Auto-Submitted").ShouldBe("auto-replied");
        // Moved out of the inbox, kept in Recorded.
        (await Eventually.ReturnsAsync(() => system.Imap.CountAsync("INBOX"), count => count == 0, TimeSpan.FromSeconds(10))).ShouldBe(0);
        (await system.Imap.CountAsync(TestImapServer.RecordedFolder)).ShouldBe(1);
        var notification = await system.Notifications.NotificationAsync(n => n.ReferenceNumber == record.ReferenceNumber,
            n => n.Status == NotificationStatus.Sent);
        notification.ReceivedAt.ToDateTimeOffset().ShouldBe(receivedAt, TimeSpan.FromSeconds(1));
        (await system.Notifications.MailAsync(sender, count: 1)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_question_becomes_one_inquiry_with_one_acknowledgment_and_a_reply_to_it_joins_it()
    {
        await using var system = await MailboxSystem.StartAsync(servers);
        var sender = TestEvents.NewRecipient();
        var question = TestMail.Message(sender, "How does an agency apply?", "We are a sheriff's office in Texas. What do we send?");

        await system.Imap.AppendAsync(question);

        var record = await system.RecordedAsync(question);
        record.Outcome.ShouldBe(MailboxOutcome.Inquiry);
        var inquiry = (await system.Mailbox().GetInquiryAsync(new GetInquiryRequest { InquiryId = record.InquiryId })).Inquiry;
        inquiry.ReferenceNumber.ShouldBe(record.ReferenceNumber);
        inquiry.MailboxMessageId.ShouldBe(record.MailboxMessageId);
        inquiry.ContactEmail.ShouldBe(sender);
        inquiry.Subject.ShouldBe("How does an agency apply?");
        inquiry.Text.ShouldContain("What do we send?");
        var acknowledgment = (await system.Notifications.MailAsync(sender)).ShouldHaveSingleItem();
        acknowledgment.Subject.ShouldContain(inquiry.ReferenceNumber);
        acknowledgment.Header("In-Reply-To").ShouldBe($"<{question.MessageId}>");

        // The inquirer answers the acknowledgment, threading to it and quoting its reference.
        var reply = TestMail.Message(sender, $"Re: {acknowledgment.Subject}", $"Thank you. One more thing about {inquiry.ReferenceNumber}.");
        reply.InReplyTo = acknowledgment.Header("Message-ID").Trim('<', '>');
        await system.Imap.AppendAsync(reply);

        var joined = await system.RecordedAsync(reply);
        joined.Outcome.ShouldBe(MailboxOutcome.Correspondence);
        joined.ReferenceNumber.ShouldBe(inquiry.ReferenceNumber);
        joined.InquiryId.ShouldBeEmpty();
        (await system.Mailbox().ListInquiriesAsync(new ListInquiriesRequest())).Inquiries.ShouldHaveSingleItem();
        (await system.Mailbox().ListMailboxMessagesAsync(new ListMailboxMessagesRequest { ReferenceNumber = inquiry.ReferenceNumber }))
            .Messages.Select(m => m.MailboxMessageId).ShouldBe([record.MailboxMessageId, joined.MailboxMessageId]);
        // Nothing is sent for the reply: a question asked after it is acknowledged, and the reply still has no email.
        await AskAfterAsync(system, sender);
        (await system.Notifications.MailAsync(sender, count: 2)).Count(m => m.Subject.Contains(inquiry.ReferenceNumber)).ShouldBe(1);
    }

    [Fact]
    public async Task A_reply_quoting_an_applications_reference_joins_its_history()
    {
        await using var system = await MailboxSystem.StartAsync(servers);
        var sender = TestEvents.NewRecipient();
        var agency = await system.RegisterAgencyAsync(sender);
        var email = TestMail.Application(sender, agency.Name);
        await system.Imap.AppendAsync(email);
        var application = await system.RecordedAsync(email, m => m.ReferenceNumber.Length > 0);
        await system.Notifications.MailAsync(sender);

        var followUp = TestMail.Message(sender, $"Our application {application.ReferenceNumber}", "Our new sheriff takes office next month.");
        await system.Imap.AppendAsync(followUp);

        var joined = await system.RecordedAsync(followUp);
        joined.Outcome.ShouldBe(MailboxOutcome.Correspondence);
        joined.ReferenceNumber.ShouldBe(application.ReferenceNumber);
        var agreement = (await system.Agreements().ListPendingApplicationsAsync(new() { State = "TX" })).Applications.ShouldHaveSingleItem();
        var history = await Eventually.ReturnsAsync(async () => (await system.Agreements().GetAgreementHistoryAsync(
                new() { AgreementId = agreement.AgreementId })).Transitions,
            transitions => transitions.Any(t => t.Action == "correspondence"), TimeSpan.FromSeconds(30));
        var entry = history.Single(t => t.Action == "correspondence");
        entry.Note.ShouldContain(followUp.Subject!);
        (await system.Agreements().ListPendingApplicationsAsync(new() { State = "TX" })).Applications.Count.ShouldBe(1);
        (await system.Mailbox().ListInquiriesAsync(new ListInquiriesRequest())).Inquiries.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_auto_reply_and_a_bounce_are_recorded_and_answered_by_nothing()
    {
        await using var system = await MailboxSystem.StartAsync(servers);
        var outOfOffice = TestMail.Message(TestEvents.NewRecipient(), "Automatic reply: your inquiry", "I am out of the office until Monday.");
        outOfOffice.Headers.Add("Auto-Submitted", "auto-replied");
        var bounce = new MimeMessage();
        var bounced = TestEvents.NewRecipient();
        bounce.From.Add(new MailboxAddress("Mail Delivery System", $"MAILER-DAEMON@{bounced.Split('@')[1]}"));
        bounce.To.Add(new MailboxAddress("", "287g@program287g.example"));
        bounce.Subject = "Undelivered Mail Returned to Sender";
        bounce.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("bounces.example");
        bounce.Body = new MultipartReport("delivery-status") { new TextPart("plain") { Text = $"<{bounced}>: mailbox unavailable" } };

        await system.Imap.AppendAsync(outOfOffice);
        await system.Imap.AppendAsync(bounce);

        (await system.RecordedAsync(outOfOffice)).Outcome.ShouldBe(MailboxOutcome.Automatic);
        var bounceRecord = await system.RecordedAsync(bounce);
        bounceRecord.Outcome.ShouldBe(MailboxOutcome.Automatic);
        bounceRecord.OutcomeReason.ShouldBe("A delivery status report (bounce)");
        await AskAfterAsync(system, TestEvents.NewRecipient());
        (await system.Notifications.Smtp.MessagesAsync(outOfOffice.From.Mailboxes.Single().Address)).ShouldBeEmpty();
        (await system.Notifications.Smtp.MessagesAsync(bounce.From.Mailboxes.Single().Address)).ShouldBeEmpty();
        (await system.Mailbox().ListNotificationsAsync(new ListNotificationsRequest { PageSize = 500 })).Notifications
            .ShouldHaveSingleItem().Kind.ShouldBe(NotificationKind.InquiryAcknowledgment);
    }

    [Fact]
    public async Task The_same_message_delivered_twice_is_one_record_with_two_copies()
    {
        await using var system = await MailboxSystem.StartAsync(servers);
        var sender = TestEvents.NewRecipient();
        var question = TestMail.Message(sender, "Training dates", "When is the next training for nominees?");

        await system.Imap.AppendAsync(question);
        await system.Imap.AppendAsync(question);

        var record = await system.RecordedAsync(question);
        var read = await Eventually.ReturnsAsync(
            async () => (await system.Mailbox().GetMailboxMessageAsync(new() { MailboxMessageId = record.MailboxMessageId })).Message,
            message => message.Copies.Count == 2, TimeSpan.FromSeconds(30));
        read.Copies.Select(c => c.Uid).Distinct().Count().ShouldBe(2);
        await AskAfterAsync(system, TestEvents.NewRecipient());
        (await system.AllRecordedAsync()).Count(m => m.InternetMessageId == question.MessageId).ShouldBe(1);
        (await system.Mailbox().ListInquiriesAsync(new ListInquiriesRequest())).Inquiries.Count(i => i.ContactEmail == sender).ShouldBe(1);
        (await system.Notifications.MailAsync(sender)).Count.ShouldBe(1);
        // Each copy is moved after its record's commit, the last one's perhaps after its acknowledgment: waited for.
        (await Eventually.ReturnsAsync(() => system.Imap.CountAsync(TestImapServer.RecordedFolder), count => count == 3,
            TimeSpan.FromSeconds(10))).ShouldBe(3);
    }

    /// <summary>A question from <paramref name="sender"/> appended after everything else, waited for until its
    /// acknowledgment is sent: the intake reads in arrival order, so what came before it has been handled (and anything it
    /// was going to send would be recorded by then).</summary>
    internal static async Task AskAfterAsync(MailboxSystem system, string sender)
    {
        var later = TestMail.Message(sender, "A later question", "Is the program accepting applications?");
        await system.Imap.AppendAsync(later);
        var record = await system.RecordedAsync(later);
        await system.Notifications.NotificationAsync(n => n.ReferenceNumber == record.ReferenceNumber, n => n.Status == NotificationStatus.Sent);
        await system.Notifications.MailAsync(record.ReferenceNumber);
    }

    internal static (byte[] Letter, byte[] Moa) Attachments(MimeMessage email)
    {
        var parts = email.Attachments.OfType<MimePart>().Select(part =>
        {
            using var bytes = new MemoryStream();
            part.Content!.DecodeTo(bytes);
            return (FileName: part.FileName ?? "", Data: bytes.ToArray());
        }).ToList();
        return (parts.Single(p => p.FileName.Contains("Letter")).Data, parts.Single(p => p.FileName.Contains("MOA")).Data);
    }

    /// <summary>A stored document's bytes, as the Agreement service streams them back.</summary>
    internal static async Task<byte[]> DownloadAsync(MailboxSystem system, string sha256, string agreementId)
    {
        using var call = system.Agreements().DownloadDocument(new() { Sha256 = sha256, AgreementId = agreementId });
        using var bytes = new MemoryStream();
        await foreach (var part in call.ResponseStream.ReadAllAsync())
        {
            if (part.PartCase == Program287g.Agreement.V1.DownloadDocumentResponse.PartOneofCase.Chunk)
            {
                part.Chunk.WriteTo(bytes);
            }
        }
        return bytes.ToArray();
    }

    internal static string Sha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
