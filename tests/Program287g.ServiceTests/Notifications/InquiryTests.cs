using Grpc.Core;
using Program287g.Notification.V1;
using Program287g.Testing;
using ProtoDate = Google.Type.Date;

namespace Program287g.ServiceTests.Notifications;

/// <summary>Inquiries over gRPC: acknowledged by email at once, answered by staff (the answer emailed), and judged on
/// time or late by the clock the test moves.</summary>
[Collection(ServersCollection.Name)]
public sealed class InquiryTests(TestInfrastructure servers)
{
    private static SubmitInquiryRequest Inquiry(string subject = "When will our application be decided?", string email = "") => new()
    {
        InquirerName = "Casey Resident", ContactEmail = email == "" ? TestEvents.NewRecipient() : email, Subject = subject,
        Text = "We applied for the Warrant Service Officer model last month.\nWhen should we expect a decision?",
    };

    [Fact]
    public async Task An_inquiry_is_acknowledged_at_once_answered_by_staff_and_reported_on_time()
    {
        // Thursday 12 March 2026, 3 p.m. Eastern.
        var clock = Eastern.Clock(2026, 3, 12, 15);
        await using var system = await NotificationSystem.StartAsync(servers, new() { Clock = clock });
        var request = Inquiry();

        var inquiry = (await system.Client(system.Tokens.Internal()).SubmitInquiryAsync(request)).Inquiry;

        inquiry.ReferenceNumber.ShouldMatch(@"^287G-Q-2026-\d{6}$");
        inquiry.Status.ShouldBe(InquiryStatus.Open);
        inquiry.ReceivedAt.ShouldBe(Eastern.Stamp(2026, 3, 12, 15));
        inquiry.DueAt.ShouldBe(Eastern.Stamp(2026, 3, 13, 15));
        inquiry.Timeliness.ShouldBe(Timeliness.Pending);
        inquiry.Acknowledgment.Kind.ShouldBe(NotificationKind.InquiryAcknowledgment);
        // Inquiry numbers start again in every test's database: the recipient, made for the test, tells its mail apart.
        var acknowledgment = (await system.MailAsync(request.ContactEmail)).ShouldHaveSingleItem();
        acknowledgment.To.ShouldBe([request.ContactEmail]);
        acknowledgment.Subject.ShouldBe($"We received your inquiry: When will our application be decided? ({inquiry.ReferenceNumber})");
        acknowledgment.PlainText.ShouldContain("Dear Casey Resident,");
        acknowledgment.PlainText.ShouldContain("Program staff will answer you by email by Friday, March 13, 2026 at 3:00 PM Eastern Daylight Time");

        clock.Advance(TimeSpan.FromHours(2));
        var answered = (await system.Client().AnswerInquiryAsync(new AnswerInquiryRequest
        {
            InquiryId = inquiry.InquiryId, Answer = "ICE decides most applications within 90 days.\nWe will write when it signs <soon> & not before.",
        })).Inquiry;

        answered.Status.ShouldBe(InquiryStatus.Answered);
        answered.AnsweredAt.ShouldBe(Eastern.Stamp(2026, 3, 12, 17));
        answered.AnsweredBy.ShouldBe("staff@test");
        answered.Timeliness.ShouldBe(Timeliness.OnTime);
        var answer = (await system.MailAsync(request.ContactEmail, count: 2)).Single(m => m.Subject.StartsWith("Answer to your inquiry", StringComparison.Ordinal));
        answer.To.ShouldBe([request.ContactEmail]);
        answer.PlainText.ShouldContain("ICE decides most applications within 90 days.\nWe will write when it signs <soon> & not before.");
        answer.PlainText.ShouldContain("When should we expect a decision?");
        answer.Html.ShouldContain("<p>ICE decides most applications within 90 days.</p>");
        answer.Html.ShouldContain("<p>We will write when it signs &lt;soon&gt; &amp; not before.</p>");
        // The sender records a send after the server's 250, so the mail can be seen before its record says so.
        var read = await Eventually.ReturnsAsync(
            async () => (await system.Client().GetInquiryAsync(new GetInquiryRequest { InquiryId = inquiry.InquiryId })).Inquiry,
            i => i.Acknowledgment.Status == NotificationStatus.Sent, TimeSpan.FromSeconds(30));
        read.Acknowledgment.Status.ShouldBe(NotificationStatus.Sent);
        await system.NotificationAsync(n => n.Kind == NotificationKind.InquiryAnswer && n.ReferenceNumber == inquiry.ReferenceNumber,
            n => n.Status == NotificationStatus.Sent);
        var report = await system.Client().GetSlaReportAsync(new GetSlaReportRequest { FirstDay = Day(2026, 3, 13), LastDay = Day(2026, 3, 13) });
        report.InquiryAnswers.ShouldBe(new SlaCounts { Due = 1, OnTime = 1 });
        report.Notifications.Single(l => l.Kind == NotificationKind.InquiryAcknowledgment).Counts.ShouldBe(new SlaCounts { Due = 1, OnTime = 1 });
        report.Notifications.Single(l => l.Kind == NotificationKind.InquiryAnswer).Counts.ShouldBe(new SlaCounts { Due = 1, OnTime = 1 });
        report.NotificationsTotal.ShouldBe(new SlaCounts { Due = 2, OnTime = 2 });
    }

    [Fact]
    public async Task Inquiries_received_late_on_the_friday_before_memorial_day_fall_due_on_tuesday_and_are_overdue_or_late_after()
    {
        // Friday 22 May 2026, 4:55 and 4:56 p.m. Eastern; Monday 25 May is Memorial Day.
        var clock = Eastern.Clock(2026, 5, 22, 16, 55);
        await using var system = await NotificationSystem.StartAsync(servers, new() { Clock = clock });
        var first = (await system.Client().SubmitInquiryAsync(Inquiry("First question"))).Inquiry;
        clock.Advance(TimeSpan.FromMinutes(1));
        var second = (await system.Client().SubmitInquiryAsync(Inquiry("Second question"))).Inquiry;
        first.DueAt.ShouldBe(Eastern.Stamp(2026, 5, 26, 16, 55));
        second.DueAt.ShouldBe(Eastern.Stamp(2026, 5, 26, 16, 56));

        clock.Advance(TimeSpan.FromDays(4) + TimeSpan.FromMinutes(4)); // Tuesday 5 p.m.
        var overdue = (await system.Client().ListInquiriesAsync(new ListInquiriesRequest { OverdueOnly = true })).Inquiries;
        overdue.Select(i => i.InquiryId).ShouldBe([first.InquiryId, second.InquiryId]);
        overdue.ShouldAllBe(i => i.Timeliness == Timeliness.Overdue && i.Status == InquiryStatus.Open);
        var late = (await system.Client().AnswerInquiryAsync(new AnswerInquiryRequest { InquiryId = first.InquiryId, Answer = "Sorry for the wait." })).Inquiry;

        late.Timeliness.ShouldBe(Timeliness.Late);
        (await system.Client().ListInquiriesAsync(new ListInquiriesRequest { OverdueOnly = true })).Inquiries.Select(i => i.InquiryId)
            .ShouldBe([second.InquiryId]);
        (await system.Client().ListInquiriesAsync(new ListInquiriesRequest { Status = InquiryStatus.Open })).Inquiries.Select(i => i.InquiryId)
            .ShouldBe([second.InquiryId]);
        (await system.Client().ListInquiriesAsync(new ListInquiriesRequest { Status = InquiryStatus.Answered })).Inquiries.Select(i => i.InquiryId)
            .ShouldBe([first.InquiryId]);
        var report = await system.Client().GetSlaReportAsync(new GetSlaReportRequest { FirstDay = Day(2026, 5, 25), LastDay = Day(2026, 5, 26) });
        report.InquiryAnswers.ShouldBe(new SlaCounts { Due = 2, Late = 1, Overdue = 1 });
        (await system.Client().GetSlaReportAsync(new GetSlaReportRequest { FirstDay = Day(2026, 5, 22), LastDay = Day(2026, 5, 25) }))
            .InquiryAnswers.Due.ShouldBe(0, "nothing fell due over the weekend and the holiday");
    }

    [Fact]
    public async Task Answering_an_inquiry_twice_is_refused_and_sends_one_answer()
    {
        await using var system = await NotificationSystem.StartAsync(servers);
        var request = Inquiry();
        var inquiry = (await system.Client().SubmitInquiryAsync(request)).Inquiry;
        await system.Client().AnswerInquiryAsync(new AnswerInquiryRequest { InquiryId = inquiry.InquiryId, Answer = "First answer." });

        var refusal = await Should.ThrowAsync<RpcException>(() =>
            system.Client().AnswerInquiryAsync(new AnswerInquiryRequest { InquiryId = inquiry.InquiryId, Answer = "Second answer." }).ResponseAsync);

        refusal.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        refusal.Status.Detail.ShouldContain(inquiry.ReferenceNumber);
        var mails = await system.MailAsync(request.ContactEmail, count: 2);
        mails.Count(m => m.Subject.StartsWith("Answer to your inquiry", StringComparison.Ordinal)).ShouldBe(1);
        (await system.Client().GetInquiryAsync(new GetInquiryRequest { InquiryId = inquiry.InquiryId })).Inquiry.Answer.ShouldBe("First answer.");
    }

    [Fact]
    public async Task A_retried_submission_with_the_same_request_id_records_one_inquiry_and_sends_one_acknowledgment()
    {
        await using var system = await NotificationSystem.StartAsync(servers);
        var request = Inquiry();
        request.RequestId = Guid.NewGuid().ToString();

        var first = (await system.Client().SubmitInquiryAsync(request)).Inquiry;
        var again = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => system.Client().SubmitInquiryAsync(request).ResponseAsync));

        again.ShouldAllBe(response => response.Inquiry.InquiryId == first.InquiryId);
        await system.NotificationAsync(n => n.ReferenceNumber == first.ReferenceNumber, n => n.Status == NotificationStatus.Sent);
        (await system.MailAsync(request.ContactEmail)).Count.ShouldBe(1);
        (await system.QueryAsync<long>("SELECT count(*) FROM inquiries")).ShouldBe(1);
    }

    [Fact]
    public async Task An_inquiry_about_an_agency_must_name_a_registered_one_and_the_acknowledgment_names_it()
    {
        await using var system = await NotificationSystem.StartAsync(servers, new() { WithAgencyService = true });
        var agency = await AgencyRegistry.RegisterAsync(system);
        var unknown = Guid.NewGuid().ToString();
        var aboutNobody = Inquiry();
        aboutNobody.AgencyId = unknown;

        var refusal = await Should.ThrowAsync<RpcException>(() => system.Client().SubmitInquiryAsync(aboutNobody).ResponseAsync);
        var request = Inquiry();
        request.AgencyId = agency.AgencyId;
        var inquiry = (await system.Client().SubmitInquiryAsync(request)).Inquiry;

        refusal.StatusCode.ShouldBe(StatusCode.NotFound);
        refusal.Resource()!.ResourceType.ShouldBe("agency");
        refusal.Resource()!.ResourceName.ShouldBe(unknown);
        inquiry.AgencyId.ShouldBe(agency.AgencyId);
        (await system.MailAsync(request.ContactEmail)).ShouldHaveSingleItem().PlainText.ShouldContain($"about {agency.Name} on ");
    }

    private static ProtoDate Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };
}
