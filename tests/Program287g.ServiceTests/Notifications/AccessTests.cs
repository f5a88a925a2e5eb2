using Grpc.Core;
using Program287g.Notification.V1;
using Program287g.Testing;
using ProtoDate = Google.Type.Date;

namespace Program287g.ServiceTests.Notifications;

/// <summary>The Notification service and an Agency service for its inquiries, started once for the tests of
/// <see cref="AccessTests"/>: two registered agencies, an inquiry and a notification of each, and an inquiry about none.</summary>
public sealed class AccessSystem(TestInfrastructure servers) : IAsyncLifetime
{
    public NotificationSystem System { get; private set; } = null!;
    public Program287g.Agency.V1.Agency Mine { get; private set; } = null!;
    public Program287g.Agency.V1.Agency Theirs { get; private set; } = null!;
    public Inquiry MyInquiry { get; private set; } = null!;
    public Inquiry TheirInquiry { get; private set; } = null!;
    public Inquiry NobodysInquiry { get; private set; } = null!;
    public Notification.V1.Notification MyNotification { get; private set; } = null!;
    public Notification.V1.Notification TheirNotification { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        System = await NotificationSystem.StartAsync(servers, new() { WithAgencyService = true });
        Mine = await AgencyRegistry.RegisterAsync(System);
        Theirs = await AgencyRegistry.RegisterAsync(System);
        MyInquiry = await SubmitAsync(Mine.AgencyId);
        TheirInquiry = await SubmitAsync(Theirs.AgencyId);
        NobodysInquiry = await SubmitAsync("");
        MyNotification = await PublishAsync(Guid.Parse(Mine.AgencyId));
        TheirNotification = await PublishAsync(Guid.Parse(Theirs.AgencyId));
    }

    public string MyToken => System.Tokens.AgencyUser(Mine.AgencyId);

    private async Task<Inquiry> SubmitAsync(string agencyId) => (await System.Client().SubmitInquiryAsync(new()
    {
        InquirerName = "Casey Resident", ContactEmail = TestEvents.NewRecipient(), Subject = "Access", Text = "Who may read this?",
        AgencyId = agencyId,
    })).Inquiry;

    private async Task<Notification.V1.Notification> PublishAsync(Guid agencyId)
    {
        var submitted = TestEvents.ApplicationSubmitted(DateTimeOffset.UtcNow) with { AgencyId = agencyId };
        await System.PublishAsync(submitted);
        return await System.NotificationAsync(n => n.ReferenceNumber == submitted.ReferenceNumber);
    }

    public async Task DisposeAsync() => await System.DisposeAsync();
}

/// <summary>Every RPC needs a token; answering, closures and the SLA report are for program staff (internal systems may
/// read the report and the lists); an agency user sees and asks only for its own agency.</summary>
[Collection(ServersCollection.Name)]
public sealed class AccessTests(AccessSystem access) : IClassFixture<AccessSystem>
{
    private static readonly ProtoDate Today = new() { Year = 2026, Month = 3, Day = 10 };

    private NotificationService.NotificationServiceClient As(string? token) => new(access.System.Host.Channel(token));

    /// <summary>A valid request to every RPC.</summary>
    private IEnumerable<(string Rpc, Func<NotificationService.NotificationServiceClient, Task> Call)> EveryRpc() =>
    [
        ("IsBusinessDay", c => c.IsBusinessDayAsync(new() { Date = Today }).ResponseAsync),
        ("GetNextBusinessDay", c => c.GetNextBusinessDayAsync(new() { Date = Today }).ResponseAsync),
        ("GetDueTime", c => c.GetDueTimeAsync(new() { ReceivedAt = Eastern.Stamp(2026, 3, 10, 9) }).ResponseAsync),
        ("ListHolidays", c => c.ListHolidaysAsync(new() { Year = 2026 }).ResponseAsync),
        ("ListClosures", c => c.ListClosuresAsync(new()).ResponseAsync),
        ("AddClosure", c => c.AddClosureAsync(new() { Date = Today, Reason = "closed" }).ResponseAsync),
        ("RemoveClosure", c => c.RemoveClosureAsync(new() { Date = Today }).ResponseAsync),
        ("SubmitInquiry", c => c.SubmitInquiryAsync(new() { InquirerName = "A", ContactEmail = "a@example.gov", Subject = "S", Text = "T" }).ResponseAsync),
        ("GetInquiry", c => c.GetInquiryAsync(new() { InquiryId = access.MyInquiry.InquiryId }).ResponseAsync),
        ("AnswerInquiry", c => c.AnswerInquiryAsync(new() { InquiryId = access.NobodysInquiry.InquiryId, Answer = "A" }).ResponseAsync),
        ("ListInquiries", c => c.ListInquiriesAsync(new()).ResponseAsync),
        ("GetNotification", c => c.GetNotificationAsync(new() { NotificationId = access.MyNotification.NotificationId }).ResponseAsync),
        ("ListNotifications", c => c.ListNotificationsAsync(new()).ResponseAsync),
        ("GetSlaReport", c => c.GetSlaReportAsync(new() { FirstDay = Today, LastDay = Today }).ResponseAsync),
        ("ListMailboxMessages", c => c.ListMailboxMessagesAsync(new()).ResponseAsync),
        ("GetMailboxMessage", c => c.GetMailboxMessageAsync(new() { MailboxMessageId = Guid.NewGuid().ToString() }).ResponseAsync),
        ("FileMailAsApplication", c => c.FileMailAsApplicationAsync(new()
        {
            MailboxMessageId = Guid.NewGuid().ToString(), AgencyId = access.Mine.AgencyId,
        }).ResponseAsync),
    ];

    [Fact]
    public async Task Every_rpc_refuses_a_call_without_a_token_or_with_an_expired_one()
    {
        var rpcs = EveryRpc().ToList();
        rpcs.Select(r => r.Rpc).ShouldBe(NotificationService.Descriptor.Methods.Select(m => m.Name), ignoreOrder: true);
        foreach (var (rpc, call) in rpcs)
        {
            (await RefusalOf(() => call(As(null)))).ShouldNotBeNull(rpc).StatusCode.ShouldBe(StatusCode.Unauthenticated, rpc);
            (await RefusalOf(() => call(As(access.System.Tokens.Expired())))).ShouldNotBeNull(rpc).StatusCode
                .ShouldBe(StatusCode.Unauthenticated, rpc);
        }
    }

    [Theory]
    [InlineData("AddClosure")]
    [InlineData("RemoveClosure")]
    [InlineData("AnswerInquiry")]
    [InlineData("GetSlaReport")]
    [InlineData("ListMailboxMessages")]
    [InlineData("GetMailboxMessage")]
    [InlineData("FileMailAsApplication")]
    public async Task An_agency_user_may_not_answer_close_days_or_read_the_program_wide_report(string rpc)
    {
        var refusal = await RefusalOf(() => EveryRpc().Single(r => r.Rpc == rpc).Call(As(access.MyToken)));

        refusal.ShouldNotBeNull().StatusCode.ShouldBe(StatusCode.PermissionDenied);
        // Said as gRPC, naming who the call is for: not a bare HTTP 403 the client can only call a bad response.
        refusal.Status.Detail.ShouldStartWith($"{rpc} is for program-staff");
        refusal.Status.Detail.ShouldEndWith("the caller is agency-user.");
        // The same shape as every other refusal: the google.rpc.Status trailer, saying the same.
        var status = refusal.GetRpcStatus().ShouldNotBeNull();
        status.Code.ShouldBe((int)StatusCode.PermissionDenied);
        status.Message.ShouldBe(refusal.Status.Detail);
    }

    [Theory]
    [InlineData("AddClosure")]
    [InlineData("RemoveClosure")]
    [InlineData("AnswerInquiry")]
    public async Task An_internal_system_may_not_answer_or_close_days(string rpc)
    {
        var refusal = await RefusalOf(() => EveryRpc().Single(r => r.Rpc == rpc).Call(As(access.System.Tokens.Internal())));

        refusal.ShouldNotBeNull().StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task An_internal_system_reads_the_lists_and_the_report()
    {
        var client = As(access.System.Tokens.Internal());

        var inquiries = (await client.ListInquiriesAsync(new())).Inquiries.Select(i => i.InquiryId).ToList();
        new[] { access.MyInquiry.InquiryId, access.TheirInquiry.InquiryId, access.NobodysInquiry.InquiryId }.ShouldAllBe(id => inquiries.Contains(id));
        (await client.ListNotificationsAsync(new() { Kind = NotificationKind.ApplicationAcknowledgment })).Notifications
            .Select(n => n.NotificationId).ShouldBe([access.MyNotification.NotificationId, access.TheirNotification.NotificationId], ignoreOrder: true);
        (await client.GetSlaReportAsync(new() { FirstDay = Today, LastDay = Today })).Notifications.Count.ShouldBe(6);
    }

    [Fact]
    public async Task An_agency_user_reads_its_own_agencys_inquiries_and_notifications_and_nothing_else()
    {
        var mine = As(access.MyToken);

        (await mine.GetInquiryAsync(new() { InquiryId = access.MyInquiry.InquiryId })).Inquiry.InquiryId.ShouldBe(access.MyInquiry.InquiryId);
        // Other tests of the class add inquiries of either agency; the listing holds the agency's own only.
        var inquiries = (await mine.ListInquiriesAsync(new())).Inquiries;
        inquiries.ShouldContain(i => i.InquiryId == access.MyInquiry.InquiryId);
        inquiries.ShouldAllBe(i => i.AgencyId == access.Mine.AgencyId);
        (await mine.ListInquiriesAsync(new() { AgencyId = access.Mine.AgencyId })).Inquiries.ShouldBe(inquiries);
        (await mine.GetNotificationAsync(new() { NotificationId = access.MyNotification.NotificationId })).Notification.NotificationId
            .ShouldBe(access.MyNotification.NotificationId);
        var notifications = (await mine.ListNotificationsAsync(new())).Notifications;
        notifications.ShouldAllBe(n => n.AgencyId == access.Mine.AgencyId);
        notifications.Select(n => n.ReferenceNumber).ShouldContain(access.MyNotification.ReferenceNumber);
        notifications.Select(n => n.ReferenceNumber).ShouldContain(access.MyInquiry.ReferenceNumber);

        foreach (var call in new Func<Task>[]
        {
            () => mine.GetInquiryAsync(new() { InquiryId = access.TheirInquiry.InquiryId }).ResponseAsync,
            () => mine.GetInquiryAsync(new() { InquiryId = access.NobodysInquiry.InquiryId }).ResponseAsync,
            () => mine.ListInquiriesAsync(new() { AgencyId = access.Theirs.AgencyId }).ResponseAsync,
            () => mine.GetNotificationAsync(new() { NotificationId = access.TheirNotification.NotificationId }).ResponseAsync,
            () => mine.ListNotificationsAsync(new() { AgencyId = access.Theirs.AgencyId }).ResponseAsync,
        })
        {
            (await RefusalOf(call)).ShouldNotBeNull().StatusCode.ShouldBe(StatusCode.PermissionDenied);
        }
    }

    [Fact]
    public async Task An_agency_user_asks_for_its_own_agency_only()
    {
        var mine = As(access.MyToken);
        var request = new SubmitInquiryRequest { InquirerName = "Jo Contact", ContactEmail = TestEvents.NewRecipient(), Subject = "S", Text = "T" };

        var unnamed = (await mine.SubmitInquiryAsync(request)).Inquiry;
        var forThem = request.Clone();
        forThem.AgencyId = access.Theirs.AgencyId;
        var refusal = await RefusalOf(() => mine.SubmitInquiryAsync(forThem).ResponseAsync);

        unnamed.AgencyId.ShouldBe(access.Mine.AgencyId);
        refusal.ShouldNotBeNull().StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    private static async Task<RpcException?> RefusalOf(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (RpcException exception)
        {
            return exception;
        }
    }
}
