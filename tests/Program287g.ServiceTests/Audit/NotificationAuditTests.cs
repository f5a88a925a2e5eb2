using Grpc.Core;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceTests.Mailbox;
using Program287g.ServiceTests.Notifications;
using Program287g.Testing;
using ProtoDate = Google.Type.Date;

namespace Program287g.ServiceTests.Audit;

/// <summary>The Notification service's writes (closures, inquiries, filing an email as an application) each leave one
/// audit record per record changed, for the caller, and none of an inquiry's words or its inquirer's name or address.</summary>
[Collection(ServersCollection.Name)]
public sealed class NotificationAuditTests(TestInfrastructure servers)
{
    private const string NotificationRpc = "program287g.notification.v1.NotificationService/";

    /// <summary>A Wednesday, and the Saturday after it.</summary>
    private static readonly ProtoDate BusinessDay = new() { Year = 2027, Month = 3, Day = 10 };
    private static readonly ProtoDate Saturday = new() { Year = 2027, Month = 3, Day = 13 };

    [Fact]
    public async Task Adding_and_removing_a_closure_are_each_audited_for_the_caller_and_a_refused_one_is_not()
    {
        await using var system = await NotificationSystem.StartAsync(servers);
        var audit = AuditReader.Of(system.Host, ResourceNames.NotificationDatabase, system.Tokens);
        var (adding, removing, refused) = (AuditReader.NewClient(), AuditReader.NewClient(), AuditReader.NewClient());

        await system.Client(system.Tokens.Staff(adding)).AddClosureAsync(new() { Date = BusinessDay, Reason = "Executive order" });
        await system.Client(system.Tokens.Staff(removing)).RemoveClosureAsync(new() { Date = BusinessDay });
        (await Should.ThrowAsync<RpcException>(() => system.Client(system.Tokens.Staff(refused))
            .AddClosureAsync(new() { Date = Saturday, Reason = "Executive order" }).ResponseAsync)).StatusCode.ShouldBe(StatusCode.InvalidArgument);

        (await audit.OnlyRecordOfCallAsync(adding, "closure", "2027-03-10")).ShouldBeBy("staff@test", Roles.ProgramStaff, adding, NotificationRpc + "AddClosure");
        (await audit.OnlyRecordOfCallAsync(removing, "closure", "2027-03-10")).ShouldBeBy("staff@test", Roles.ProgramStaff, removing, NotificationRpc + "RemoveClosure");
        (await audit.CountOfClientAsync(refused)).ShouldBe(0);
    }

    [Fact]
    public async Task Submitting_and_answering_an_inquiry_are_audited_without_its_words_or_its_inquirer()
    {
        await using var system = await NotificationSystem.StartAsync(servers);
        var audit = AuditReader.Of(system.Host, ResourceNames.NotificationDatabase, system.Tokens);
        var (asking, answering, again) = (AuditReader.NewClient(), AuditReader.NewClient(), AuditReader.NewClient());
        var email = TestEvents.NewRecipient();

        var inquiry = (await system.Client(system.Tokens.Internal(asking)).SubmitInquiryAsync(new()
        {
            InquirerName = "Casey Resident", ContactEmail = email, Subject = "Detainer question", Text = "Who may read this?",
        })).Inquiry;
        await system.Client(system.Tokens.Staff(answering)).AnswerInquiryAsync(new() { InquiryId = inquiry.InquiryId, Answer = "Program staff only." });
        (await Should.ThrowAsync<RpcException>(() => system.Client(system.Tokens.Staff(again))
            .AnswerInquiryAsync(new() { InquiryId = inquiry.InquiryId, Answer = "Twice?" }).ResponseAsync)).StatusCode.ShouldBe(StatusCode.FailedPrecondition);

        var submitted = await audit.OnlyRecordOfCallAsync(asking, "inquiry", inquiry.InquiryId);
        submitted.ShouldBeBy("system@test", Roles.InternalSystem, asking, NotificationRpc + "SubmitInquiry");
        var answered = await audit.OnlyRecordOfCallAsync(answering, "inquiry", inquiry.InquiryId);
        answered.ShouldBeBy("staff@test", Roles.ProgramStaff, answering, NotificationRpc + "AnswerInquiry");
        (await audit.CountOfClientAsync(again)).ShouldBe(0);
        foreach (var detail in new[] { submitted.Detail, answered.Detail })
        {
            detail.ShouldContain($"reference={inquiry.ReferenceNumber}");
            foreach (var words in new[] { "Casey", email, "Detainer", "Who may read", "Program staff only" })
            {
                detail.ShouldNotContain(words);
            }
        }
    }

    [Fact]
    public async Task Filing_an_email_as_an_application_audits_the_email_and_the_inquiry_it_answers()
    {
        await using var system = await MailboxSystem.StartAsync(servers);
        var agency = await system.RegisterAgencyAsync(TestEvents.NewRecipient());
        var email = TestMail.Application($"deputy.{Guid.NewGuid():N}@gmail.com", agency.Name, "Task Force Model");
        await system.Imap.AppendAsync(email);
        var message = await system.RecordedAsync(email);
        var notifications = system.Notifications;
        var audit = AuditReader.Of(notifications.Host, ResourceNames.NotificationDatabase, notifications.Tokens);
        var client = AuditReader.NewClient();

        await notifications.Client(notifications.Tokens.Staff(client)).FileMailAsApplicationAsync(new()
        {
            MailboxMessageId = message.MailboxMessageId, AgencyId = agency.AgencyId,
        });

        (await audit.CountOfClientAsync(client)).ShouldBe(2);
        var filed = (await audit.OfRecordAsync("mailbox_message", message.MailboxMessageId)).Where(r => r.ClientId == client).ShouldHaveSingleItem();
        filed.ShouldBeBy("staff@test", Roles.ProgramStaff, client, NotificationRpc + "FileMailAsApplication");
        filed.Detail.ShouldBe($"outcome=application agency={agency.AgencyId} model=TFM");
        (await audit.OfRecordAsync("inquiry", message.InquiryId)).Where(r => r.ClientId == client).ShouldHaveSingleItem()
            .Action.ShouldBe(NotificationRpc + "FileMailAsApplication");
    }
}
