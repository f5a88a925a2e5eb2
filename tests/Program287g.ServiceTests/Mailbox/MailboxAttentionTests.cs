using Grpc.Core;
using Program287g.Notification.V1;
using Program287g.ServiceTests.Notifications;
using Program287g.Testing;

namespace Program287g.ServiceTests.Mailbox;

/// <summary>What the mailbox puts before a person: an application from an address no agency has, a message above the
/// size limit; and the RPC with which staff file an email as an agency's application.</summary>
[Collection(ServersCollection.Name)]
public sealed class MailboxAttentionTests(TestInfrastructure servers)
{
    [Fact]
    public async Task An_application_from_an_unknown_address_is_an_inquiry_until_staff_file_it_for_the_agency()
    {
        await using var system = await MailboxSystem.StartAsync(servers);
        var agency = await system.RegisterAgencyAsync(TestEvents.NewRecipient());
        var stranger = $"deputy.{Guid.NewGuid():N}@gmail.com";
        var email = TestMail.Application(stranger, agency.Name, "Task Force Model");

        await system.Imap.AppendAsync(email);

        var record = await system.RecordedAsync(email);
        record.Outcome.ShouldBe(MailboxOutcome.Inquiry);
        record.NeedsAttention.ShouldBeTrue();
        record.OutcomeReason.ShouldContain("gmail.com is a free-mail domain");
        (await system.Mailbox().ListMailboxMessagesAsync(new() { NeedsAttentionOnly = true })).Messages
            .Select(m => m.MailboxMessageId).ShouldBe([record.MailboxMessageId]);
        (await system.Notifications.MailAsync(stranger)).ShouldHaveSingleItem().Subject.ShouldContain(record.ReferenceNumber);

        var filed = (await system.Mailbox().FileMailAsApplicationAsync(new FileMailAsApplicationRequest
        {
            MailboxMessageId = record.MailboxMessageId, AgencyId = agency.AgencyId,
        })).Message;

        filed.Outcome.ShouldBe(MailboxOutcome.Application);
        filed.NeedsAttention.ShouldBeFalse();
        var application = await Eventually.ReturnsAsync(
            async () => (await system.Agreements().ListPendingApplicationsAsync(new() { State = "TX" })).Applications,
            found => found.Count == 1, TimeSpan.FromSeconds(30));
        application[0].Model.ShouldBe(Program287g.Agreement.V1.Model.Tfm);
        application[0].Agency.AgencyId.ShouldBe(agency.AgencyId);
        var acknowledgments = await system.Notifications.MailAsync(stranger, count: 2);
        acknowledgments.Count(m => m.Subject.Contains(application[0].ReferenceNumber)).ShouldBe(1);
        var inquiry = (await system.Mailbox().GetInquiryAsync(new() { InquiryId = record.InquiryId })).Inquiry;
        inquiry.Status.ShouldBe(InquiryStatus.Answered);
        inquiry.AnswerNotification.ShouldBeNull();

        var again = await Should.ThrowAsync<RpcException>(() => system.Mailbox().FileMailAsApplicationAsync(new FileMailAsApplicationRequest
        {
            MailboxMessageId = record.MailboxMessageId, AgencyId = agency.AgencyId,
        }).ResponseAsync);
        again.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
    }

    [Fact]
    public async Task Filing_refuses_what_is_not_there_or_not_an_application_naming_what_is_wrong()
    {
        await using var system = await MailboxSystem.StartAsync(servers);
        var agency = await system.RegisterAgencyAsync(TestEvents.NewRecipient());
        var question = TestMail.Message(TestEvents.NewRecipient(), "Just a question", "No documents here.");
        await system.Imap.AppendAsync(question);
        var record = await system.RecordedAsync(question);

        var unknown = await Should.ThrowAsync<RpcException>(() => system.Mailbox().FileMailAsApplicationAsync(new()
        {
            MailboxMessageId = Guid.NewGuid().ToString(), AgencyId = agency.AgencyId,
        }).ResponseAsync);
        unknown.StatusCode.ShouldBe(StatusCode.NotFound);
        var noAgency = await Should.ThrowAsync<RpcException>(() => system.Mailbox().FileMailAsApplicationAsync(new()
        {
            MailboxMessageId = record.MailboxMessageId, AgencyId = Guid.NewGuid().ToString(),
        }).ResponseAsync);
        noAgency.StatusCode.ShouldBe(StatusCode.NotFound);
        var notAnApplication = await Should.ThrowAsync<RpcException>(() => system.Mailbox().FileMailAsApplicationAsync(new()
        {
            MailboxMessageId = record.MailboxMessageId, AgencyId = agency.AgencyId,
        }).ResponseAsync);
        notAnApplication.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        notAnApplication.Status.Detail.ShouldContain("no signed Letter of Interest and no signed MOA");
        var badId = await Should.ThrowAsync<RpcException>(() => system.Mailbox().FileMailAsApplicationAsync(new()
        {
            MailboxMessageId = "not-a-uuid", AgencyId = agency.AgencyId,
        }).ResponseAsync);
        badId.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        badId.BadFields().ShouldContain("mailbox_message_id");
        var agencyUser = await Should.ThrowAsync<RpcException>(() => system.Notifications.Client(system.Notifications.Tokens.AgencyUser(agency.AgencyId))
            .ListMailboxMessagesAsync(new()).ResponseAsync);
        agencyUser.StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task A_message_above_the_size_limit_keeps_its_headers_stays_on_the_server_and_is_listed_for_a_person()
    {
        await using var system = await MailboxSystem.StartAsync(servers,
            settings: new Dictionary<string, string?> { ["Notifications:Mailbox:MaxMessageBytes"] = "65536" });
        var sender = TestEvents.NewRecipient();
        var agency = await system.RegisterAgencyAsync(sender);
        var large = TestMail.Application(sender, agency.Name, moaPaddingBytes: 200_000);

        await system.Imap.AppendAsync(large);

        var record = await system.RecordedAsync(large);
        record.Outcome.ShouldBe(MailboxOutcome.TooLarge);
        record.NeedsAttention.ShouldBeTrue();
        record.SizeBytes.ShouldBeGreaterThan(65536);
        record.Subject.ShouldBe(large.Subject);
        var read = (await system.Mailbox().GetMailboxMessageAsync(new() { MailboxMessageId = record.MailboxMessageId })).Message;
        read.Headers.ShouldContain(large.MessageId!);
        (await system.Notifications.MailAsync(sender)).ShouldHaveSingleItem().Subject.ShouldContain(record.ReferenceNumber);
        // Moved after the record's commit (and so after the acknowledgment may be out): waited for, not assumed.
        (await Eventually.ReturnsAsync(() => system.Imap.CountAsync(TestImapServer.RecordedFolder), count => count == 1,
            TimeSpan.FromSeconds(10))).ShouldBe(1);
        (await system.Imap.CountAsync("INBOX")).ShouldBe(0);
        (await system.Agreements().ListPendingApplicationsAsync(new() { State = "TX" })).Applications.ShouldBeEmpty();
        var filing = await Should.ThrowAsync<RpcException>(() => system.Mailbox().FileMailAsApplicationAsync(new()
        {
            MailboxMessageId = record.MailboxMessageId, AgencyId = agency.AgencyId,
        }).ResponseAsync);
        filing.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
    }
}
