using System.Buffers.Text;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Program287g.Notification.V1;
using Program287g.Testing;
using ProtoDate = Google.Type.Date;

namespace Program287g.ServiceTests.Notifications;

/// <summary>The Notification service with the Agency service, started once for <see cref="NotificationBadInputTests"/>,
/// with two notifications so that a real page token can be misused.</summary>
public sealed class NotificationBadInputSystem(TestInfrastructure servers) : IAsyncLifetime
{
    public NotificationSystem System { get; private set; } = null!;

    public NotificationService.NotificationServiceClient Staff => System.Client();

    /// <summary>The next-page token of the unfiltered notification list, one per page.</summary>
    public string NotificationsPageToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        System = await NotificationSystem.StartAsync(servers, new() { WithAgencyService = true });
        foreach (var submitted in new[] { TestEvents.ApplicationSubmitted(DateTimeOffset.UtcNow), TestEvents.ApplicationSubmitted(DateTimeOffset.UtcNow) })
        {
            await System.PublishAsync(submitted);
            await System.NotificationAsync(n => n.ReferenceNumber == submitted.ReferenceNumber);
        }
        NotificationsPageToken = (await Staff.ListNotificationsAsync(new() { PageSize = 1 })).NextPageToken;
    }

    public async Task DisposeAsync() => await System.DisposeAsync();
}

/// <summary>Bad input to every RPC of the Notification service is INVALID_ARGUMENT with a google.rpc.BadRequest naming
/// the proto field path; a well-formed id that names nothing is NOT_FOUND; and nothing a caller sends makes the service
/// answer INTERNAL or UNKNOWN. The tables follow the Agreement service's sweep.</summary>
[Collection(ServersCollection.Name)]
public sealed class NotificationBadInputTests(NotificationBadInputSystem system) : IClassFixture<NotificationBadInputSystem>
{
    public sealed record BadCase(string Name, string Field, Func<NotificationBadInputSystem, Task> Call,
        Func<NotificationBadInputSystem, Task>? Unspoiled = null);

    private static readonly ProtoDate AWednesday = Day(2030, 6, 12);
    private static readonly string TooLongName = new('n', 201);
    private static readonly string TooLongText = new('t', 10_001);
    private static readonly Timestamp NegativeNanos = new() { Seconds = 1_700_000_000, Nanos = -1 };
    private static readonly Timestamp NanosOfASecond = new() { Seconds = 1_700_000_000, Nanos = 1_000_000_000 };
    private static readonly Timestamp AfterYear9999 = new() { Seconds = 253402300800 };
    private static readonly Timestamp In1970 = Timestamp.FromDateTime(new DateTime(1970, 6, 1, 0, 0, 0, DateTimeKind.Utc));
    private static readonly Timestamp In9999 = Timestamp.FromDateTime(new DateTime(9999, 6, 1, 0, 0, 0, DateTimeKind.Utc));

    private static ProtoDate Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    private static string NewId() => Guid.NewGuid().ToString();

    private static BadCase Bad<TRequest>(string rpc, string what, string field, Func<TRequest> valid, Action<TRequest> spoil,
        Func<NotificationService.NotificationServiceClient, TRequest, Task> send) =>
        new($"{rpc}: {what}", field, system =>
        {
            var request = valid();
            spoil(request);
            return send(system.Staff, request);
        }, system => send(system.Staff, valid()));

    /// <summary>The ways a date goes wrong, for every date field.</summary>
    private static IEnumerable<(string What, ProtoDate? Date)> BadDates() =>
    [
        ("missing", null), ("an empty Date", new ProtoDate()), ("Feb 30", Day(2026, 2, 30)), ("Feb 29 in a common year", Day(2027, 2, 29)),
        ("month 13", Day(2026, 13, 1)), ("day 0", Day(2026, 3, 0)), ("year 0", Day(0, 3, 1)), ("1970, before the calendar", Day(1970, 12, 31)),
        ("9999, after the calendar", Day(9999, 1, 4)), ("year 10000", Day(10000, 1, 1)),
    ];

    private static IEnumerable<BadCase> CalendarCases()
    {
        foreach (var (what, date) in BadDates())
        {
            yield return Bad("IsBusinessDay", $"date {what}", "date", () => new IsBusinessDayRequest { Date = AWednesday },
                r => r.Date = date, (c, r) => c.IsBusinessDayAsync(r).ResponseAsync);
            yield return Bad("GetNextBusinessDay", $"date {what}", "date", () => new GetNextBusinessDayRequest { Date = AWednesday },
                r => r.Date = date, (c, r) => c.GetNextBusinessDayAsync(r).ResponseAsync);
            yield return Bad("AddClosure", $"date {what}", "date", () => new AddClosureRequest { Date = AWednesday, Reason = "Executive order" },
                r => r.Date = date, (c, r) => c.AddClosureAsync(r).ResponseAsync);
            yield return Bad("RemoveClosure", $"date {what}", "date", () => new RemoveClosureRequest { Date = AWednesday },
                r => r.Date = date, (c, r) => c.RemoveClosureAsync(r).ResponseAsync);
        }
        foreach (var (what, stamp) in new (string, Timestamp?)[]
        {
            ("missing", null), ("nanos -1", NegativeNanos), ("nanos 1e9", NanosOfASecond), ("after year 9999", AfterYear9999),
            ("in 1970, before the calendar", In1970), ("in 9999, after the calendar", In9999),
        })
        {
            yield return Bad("GetDueTime", $"received_at {what}", "received_at", () => new GetDueTimeRequest { ReceivedAt = Eastern.Stamp(2026, 3, 10, 9) },
                r => r.ReceivedAt = stamp, (c, r) => c.GetDueTimeAsync(r).ResponseAsync);
        }
        foreach (var year in new[] { 0, -5, 1970, 9999, int.MaxValue })
        {
            yield return Bad("ListHolidays", $"year {year}", "year", () => new ListHolidaysRequest { Year = 2026 }, r => r.Year = year,
                (c, r) => c.ListHolidaysAsync(r).ResponseAsync);
        }
        foreach (var year in new[] { -1, 1970, 9999 })
        {
            yield return Bad("ListClosures", $"year {year}", "year", () => new ListClosuresRequest(), r => r.Year = year,
                (c, r) => c.ListClosuresAsync(r).ResponseAsync);
        }
        static BadCase Closure(string what, string field, Action<AddClosureRequest> spoil) =>
            Bad("AddClosure", what, field, () => new AddClosureRequest { Date = AWednesday, Reason = "Executive order" }, spoil,
                (c, r) => c.AddClosureAsync(r).ResponseAsync);
        yield return Closure("reason empty", "reason", r => r.Reason = "");
        yield return Closure("reason blank", "reason", r => r.Reason = " \t ");
        yield return Closure("reason over 200", "reason", r => r.Reason = TooLongName);
        yield return Closure("reason with NUL", "reason", r => r.Reason = "closed\0");
        yield return Closure("date a Saturday", "date", r => r.Date = Day(2030, 6, 15));
        yield return Closure("date Christmas observed", "date", r => r.Date = Day(2027, 12, 24));
    }

    private static SubmitInquiryRequest ValidInquiry() => new()
    {
        InquirerName = "Casey Resident", ContactEmail = "casey@example.gov", Subject = "A question", Text = "What is 287(g)?",
    };

    private static IEnumerable<BadCase> InquiryCases()
    {
        static BadCase Submit(string what, string field, Action<SubmitInquiryRequest> spoil) =>
            Bad("SubmitInquiry", what, field, ValidInquiry, spoil, (c, r) => c.SubmitInquiryAsync(r).ResponseAsync);
        yield return Submit("inquirer_name empty", "inquirer_name", r => r.InquirerName = "");
        yield return Submit("inquirer_name over 200", "inquirer_name", r => r.InquirerName = TooLongName);
        yield return Submit("contact_email empty", "contact_email", r => r.ContactEmail = "");
        yield return Submit("contact_email without @", "contact_email", r => r.ContactEmail = "casey.example.gov");
        yield return Submit("contact_email without a domain", "contact_email", r => r.ContactEmail = "casey@");
        yield return Submit("contact_email with a display name", "contact_email", r => r.ContactEmail = "Casey <casey@example.gov>");
        yield return Submit("contact_email two addresses", "contact_email", r => r.ContactEmail = "a@example.gov, b@example.gov");
        yield return Submit("contact_email over 254", "contact_email", r => r.ContactEmail = new string('c', 250) + "@example.gov");
        yield return Submit("subject empty", "subject", r => r.Subject = "");
        yield return Submit("subject over 200", "subject", r => r.Subject = TooLongName);
        yield return Submit("text blank", "text", r => r.Text = "   ");
        yield return Submit("text over 10,000", "text", r => r.Text = TooLongText);
        yield return Submit("text with NUL", "text", r => r.Text = "a\0b");
        yield return Submit("agency_id not a UUID", "agency_id", r => r.AgencyId = "harris-county");
        yield return Submit("request_id not a UUID", "request_id", r => r.RequestId = "retry-1");

        yield return Bad("GetInquiry", "inquiry_id empty", "inquiry_id", () => new GetInquiryRequest { InquiryId = NewId() },
            r => r.InquiryId = "", (c, r) => c.GetInquiryAsync(r).ResponseAsync);
        yield return Bad("GetInquiry", "inquiry_id not a UUID", "inquiry_id", () => new GetInquiryRequest { InquiryId = NewId() },
            r => r.InquiryId = "Q-1", (c, r) => c.GetInquiryAsync(r).ResponseAsync);
        static BadCase Answer(string what, string field, Action<AnswerInquiryRequest> spoil) =>
            Bad("AnswerInquiry", what, field, () => new AnswerInquiryRequest { InquiryId = NewId(), Answer = "An answer." }, spoil,
                (c, r) => c.AnswerInquiryAsync(r).ResponseAsync);
        yield return Answer("inquiry_id not a UUID", "inquiry_id", r => r.InquiryId = "x");
        yield return Answer("answer empty", "answer", r => r.Answer = "");
        yield return Answer("answer over 10,000", "answer", r => r.Answer = TooLongText);

        static BadCase List(string what, string field, Action<ListInquiriesRequest> spoil) =>
            Bad("ListInquiries", what, field, () => new ListInquiriesRequest(), spoil, (c, r) => c.ListInquiriesAsync(r).ResponseAsync);
        yield return List("status undefined (99)", "status", r => r.Status = (InquiryStatus)99);
        yield return List("overdue_only with status ANSWERED", "status", r => { r.OverdueOnly = true; r.Status = InquiryStatus.Answered; });
        yield return List("agency_id not a UUID", "agency_id", r => r.AgencyId = "x");
        yield return List("page_size -1", "page_size", r => r.PageSize = -1);
        yield return List("page_size 501", "page_size", r => r.PageSize = 501);
        yield return List("page_token garbage", "page_token", r => r.PageToken = "not a token!");
        yield return new BadCase("ListInquiries: page_token from the notification list", "page_token",
            system => system.Staff.ListInquiriesAsync(new() { PageToken = system.NotificationsPageToken }).ResponseAsync);
    }

    private static IEnumerable<BadCase> NotificationCases()
    {
        yield return Bad("GetNotification", "notification_id empty", "notification_id", () => new GetNotificationRequest { NotificationId = NewId() },
            r => r.NotificationId = "", (c, r) => c.GetNotificationAsync(r).ResponseAsync);
        yield return Bad("GetNotification", "notification_id not a UUID", "notification_id", () => new GetNotificationRequest { NotificationId = NewId() },
            r => r.NotificationId = "n-1", (c, r) => c.GetNotificationAsync(r).ResponseAsync);
        static BadCase List(string what, string field, Action<ListNotificationsRequest> spoil) =>
            Bad("ListNotifications", what, field, () => new ListNotificationsRequest(), spoil, (c, r) => c.ListNotificationsAsync(r).ResponseAsync);
        yield return List("kind undefined (99)", "kind", r => r.Kind = (NotificationKind)99);
        yield return List("status undefined (99)", "status", r => r.Status = (NotificationStatus)99);
        yield return List("timeliness undefined (99)", "timeliness", r => r.Timeliness = (Timeliness)99);
        yield return List("agency_id not a UUID", "agency_id", r => r.AgencyId = "x");
        yield return List("received_from nanos -1", "received_from", r => r.ReceivedFrom = NegativeNanos);
        yield return List("received_before after year 9999", "received_before", r => r.ReceivedBefore = AfterYear9999);
        yield return List("received_before before received_from", "received_before", r =>
        {
            r.ReceivedFrom = Eastern.Stamp(2026, 3, 10);
            r.ReceivedBefore = Eastern.Stamp(2026, 3, 9);
        });
        yield return List("page_size 501", "page_size", r => r.PageSize = 501);
        yield return List("page_token base64 but not a token", "page_token", r => r.PageToken = "aGVsbG8gd29ybGQ");
        yield return List("page_token base64 JSON of the wrong shape", "page_token", r => r.PageToken = "WzEsMiwzXQ");
        yield return new BadCase("ListNotifications: page_token from a listing with another kind", "page_token",
            system => system.Staff.ListNotificationsAsync(new() { Kind = NotificationKind.InquiryAnswer, PageToken = system.NotificationsPageToken }).ResponseAsync);

        static BadCase Report(string what, string field, Action<GetSlaReportRequest> spoil) =>
            Bad("GetSlaReport", what, field, () => new GetSlaReportRequest { FirstDay = Day(2026, 3, 1), LastDay = Day(2026, 3, 31) }, spoil,
                (c, r) => c.GetSlaReportAsync(r).ResponseAsync);
        foreach (var (what, date) in BadDates())
        {
            yield return Report($"first_day {what}", "first_day", r => r.FirstDay = date);
            yield return Report($"last_day {what}", "last_day", r => r.LastDay = date);
        }
        yield return Report("last_day before first_day", "last_day", r => r.LastDay = Day(2026, 2, 28));
        yield return Report("a period of 367 days", "last_day", r => r.LastDay = Day(2027, 3, 2));
    }

    private static IEnumerable<BadCase> MailboxCases()
    {
        static BadCase List(string what, string field, Action<ListMailboxMessagesRequest> spoil) =>
            Bad("ListMailboxMessages", what, field, () => new ListMailboxMessagesRequest(), spoil,
                (c, r) => c.ListMailboxMessagesAsync(r).ResponseAsync);
        yield return List("outcome undefined (99)", "outcome", r => r.Outcome = (MailboxOutcome)99);
        yield return List("page_size 501", "page_size", r => r.PageSize = 501);
        yield return List("page_token garbage", "page_token", r => r.PageToken = "not a token!");
        yield return List("reference_number over 64", "reference_number", r => r.ReferenceNumber = new string('7', 65));
        yield return Bad("GetMailboxMessage", "mailbox_message_id not a UUID", "mailbox_message_id",
            () => new GetMailboxMessageRequest { MailboxMessageId = NewId() }, r => r.MailboxMessageId = "m-1",
            (c, r) => c.GetMailboxMessageAsync(r).ResponseAsync);
        static BadCase File(string what, string field, Action<FileMailAsApplicationRequest> spoil) =>
            Bad("FileMailAsApplication", what, field, () => new FileMailAsApplicationRequest { MailboxMessageId = NewId(), AgencyId = NewId() },
                spoil, (c, r) => c.FileMailAsApplicationAsync(r).ResponseAsync);
        yield return File("mailbox_message_id empty", "mailbox_message_id", r => r.MailboxMessageId = "");
        yield return File("agency_id not a UUID", "agency_id", r => r.AgencyId = "harris-county");
        yield return File("model undefined (99)", "model", r => r.Model = (MailedApplicationModel)99);
    }

    private static readonly IReadOnlyList<BadCase> AllBadCases = [.. CalendarCases(), .. InquiryCases(), .. NotificationCases(), .. MailboxCases()];

    private static readonly Dictionary<string, BadCase> BadCasesByName = AllBadCases.ToDictionary(c => c.Name);

    public static TheoryData<string> BadInputs()
    {
        var data = new TheoryData<string>();
        foreach (var badCase in AllBadCases)
        {
            data.Add(badCase.Name);
        }
        return data;
    }

    /// <summary>A well-formed id (or date) that names nothing, for every RPC that takes one.</summary>
    private static readonly IReadOnlyList<(string Name, string Resource, Func<NotificationService.NotificationServiceClient, string, Task> Call, Func<string> Id)>
        UnknownIdCalls =
    [
        ("GetInquiry", "inquiry", (c, id) => c.GetInquiryAsync(new() { InquiryId = id }).ResponseAsync, NewId),
        ("AnswerInquiry", "inquiry", (c, id) => c.AnswerInquiryAsync(new() { InquiryId = id, Answer = "An answer." }).ResponseAsync, NewId),
        ("GetNotification", "notification", (c, id) => c.GetNotificationAsync(new() { NotificationId = id }).ResponseAsync, NewId),
        ("SubmitInquiry", "agency", (c, id) =>
        {
            var request = ValidInquiry();
            request.AgencyId = id;
            return c.SubmitInquiryAsync(request).ResponseAsync;
        }, NewId),
        ("RemoveClosure", "closure", (c, id) => c.RemoveClosureAsync(new() { Date = Day(2030, 6, 13) }).ResponseAsync, () => "2030-06-13"),
    ];

    public static TheoryData<string> UnknownIdRpcs()
    {
        var data = new TheoryData<string>();
        foreach (var call in UnknownIdCalls)
        {
            data.Add(call.Name);
        }
        return data;
    }

    /// <summary>Input at the edges of what the calendar covers, and forged tokens: answered, or refused naming the field.</summary>
    private static readonly IReadOnlyList<BadCase> Edges =
    [
        new("IsBusinessDay: 1971-01-01", "date", s => s.Staff.IsBusinessDayAsync(new() { Date = Day(1971, 1, 1) }).ResponseAsync),
        new("IsBusinessDay: 9998-12-31", "date", s => s.Staff.IsBusinessDayAsync(new() { Date = Day(9998, 12, 31) }).ResponseAsync),
        new("GetNextBusinessDay: 9998-12-31", "date", s => s.Staff.GetNextBusinessDayAsync(new() { Date = Day(9998, 12, 31) }).ResponseAsync),
        new("GetDueTime: the first instant it covers", "received_at", s => s.Staff.GetDueTimeAsync(new()
        {
            ReceivedAt = Timestamp.FromDateTime(new DateTime(1971, 1, 2, 0, 0, 0, DateTimeKind.Utc)),
        }).ResponseAsync),
        new("GetDueTime: the last instant it covers", "received_at", s => s.Staff.GetDueTimeAsync(new()
        {
            ReceivedAt = Timestamp.FromDateTime(new DateTime(9998, 12, 31, 0, 0, 0, DateTimeKind.Utc)),
        }).ResponseAsync),
        new("ListHolidays: 1971", "year", s => s.Staff.ListHolidaysAsync(new() { Year = 1971 }).ResponseAsync),
        new("ListHolidays: 9998", "year", s => s.Staff.ListHolidaysAsync(new() { Year = 9998 }).ResponseAsync),
        new("GetSlaReport: the last 366 days it covers", "first_day", s => s.Staff.GetSlaReportAsync(new()
        {
            FirstDay = Day(9998, 1, 1), LastDay = Day(9998, 12, 31),
        }).ResponseAsync),
        new("ListNotifications: received_from the first instant a Timestamp holds", "received_from", s => s.Staff.ListNotificationsAsync(new()
        {
            ReceivedFrom = new Timestamp { Seconds = -62135596800 },
        }).ResponseAsync),
        new("ListNotifications: a forged page_token pinned to year 1", "page_token", s => s.Staff.ListNotificationsAsync(new()
        {
            PageToken = Forged("notifications||||||", "0001-01-01T00:00:00+00:00"),
        }).ResponseAsync),
        new("ListInquiries: a forged page_token with an empty id", "page_token", s => s.Staff.ListInquiriesAsync(new()
        {
            PageToken = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new { R = DateTime.UtcNow, I = Guid.Empty, F = "x", A = DateTimeOffset.UtcNow })),
        }).ResponseAsync),
    ];

    public static TheoryData<string> EdgeInputs()
    {
        var data = new TheoryData<string>();
        foreach (var edge in Edges)
        {
            data.Add(edge.Name);
        }
        return data;
    }

    [Fact]
    public void Every_rpc_of_the_service_has_bad_input_cases()
    {
        var rpcs = NotificationService.Descriptor.Methods.Select(m => m.Name).ToList();

        rpcs.Count.ShouldBe(17);
        rpcs.Where(rpc => !AllBadCases.Any(c => c.Name.StartsWith(rpc + ":", StringComparison.Ordinal))).ShouldBeEmpty("RPCs without bad-input cases");
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_invalid_argument_naming_the_field(string name)
    {
        var badCase = BadCasesByName[name];

        var refusal = await RefusalOf(() => badCase.Call(system));

        if (refusal is null)
        {
            Assert.Fail($"[{name}] was accepted; expected INVALID_ARGUMENT naming '{badCase.Field}'.");
        }
        refusal.StatusCode.ShouldBe(StatusCode.InvalidArgument, $"[{name}] answered {Describe(refusal)}");
        refusal.BadFields().ShouldContain(badCase.Field, $"[{name}] answered {Describe(refusal)}");
    }

    [Fact]
    public async Task The_requests_the_tables_spoil_are_not_bad_input_before_they_are_spoiled()
    {
        var baselines = AllBadCases.Where(c => c.Unspoiled is not null).GroupBy(c => c.Name[..c.Name.IndexOf(':', StringComparison.Ordinal)])
            .Select(g => (Rpc: g.Key, Call: g.First().Unspoiled!)).ToList();
        var refused = new List<string>();
        foreach (var (rpc, call) in baselines)
        {
            if (await RefusalOf(() => call(system)) is { StatusCode: StatusCode.InvalidArgument or StatusCode.Internal or StatusCode.Unknown } refusal)
            {
                refused.Add($"[{rpc}] answered {Describe(refusal)}");
            }
        }

        baselines.Count.ShouldBe(17);
        refused.ShouldBeEmpty(string.Join(Environment.NewLine, refused));
    }

    [Theory]
    [MemberData(nameof(UnknownIdRpcs))]
    public async Task A_well_formed_id_that_names_nothing_is_not_found(string rpc)
    {
        var (_, resource, call, newId) = UnknownIdCalls.Single(c => c.Name == rpc);
        var id = newId();

        var refusal = await RefusalOf(() => call(system.Staff, id));

        if (refusal is null)
        {
            Assert.Fail($"[{rpc}] answered OK for a {resource} that does not exist.");
        }
        refusal.StatusCode.ShouldBe(StatusCode.NotFound, $"[{rpc}] answered {Describe(refusal)}");
        (refusal.Resource()?.ResourceType).ShouldBe(resource);
        (refusal.Resource()?.ResourceName).ShouldBe(id);
    }

    [Theory]
    [MemberData(nameof(EdgeInputs))]
    public async Task Input_at_the_edges_is_answered_or_refused_naming_the_field_never_failed(string name)
    {
        var edge = Edges.Single(e => e.Name == name);

        var refusal = await RefusalOf(() => edge.Call(system));

        if (refusal is not null)
        {
            refusal.StatusCode.ShouldNotBe(StatusCode.Internal, $"[{name}] answered {Describe(refusal)}");
            refusal.StatusCode.ShouldNotBe(StatusCode.Unknown, $"[{name}] answered {Describe(refusal)}");
            if (refusal.StatusCode == StatusCode.InvalidArgument)
            {
                refusal.BadFields().ShouldContain(edge.Field, $"[{name}] answered {Describe(refusal)}");
            }
        }
    }

    [Fact]
    public async Task No_case_in_the_tables_fails_with_internal_or_unknown()
    {
        var failures = new List<string>();
        var cases = AllBadCases.Concat(Edges)
            .Concat(UnknownIdCalls.Select(c => new BadCase($"{c.Name}: unknown {c.Resource}", "", s => c.Call(s.Staff, c.Id()))));
        foreach (var sweptCase in cases)
        {
            if (await RefusalOf(() => sweptCase.Call(system)) is { StatusCode: StatusCode.Internal or StatusCode.Unknown } failure)
            {
                failures.Add($"[{sweptCase.Name}] answered {Describe(failure)}");
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
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

    private static string Forged(string filterKey, string asOf) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new { R = DateTime.UtcNow, I = Guid.NewGuid(), F = filterKey, A = asOf }));

    private static string Describe(RpcException refusal) =>
        $"{refusal.StatusCode} \"{refusal.Status.Detail}\" naming [{string.Join(", ", refusal.BadFields())}]";
}
