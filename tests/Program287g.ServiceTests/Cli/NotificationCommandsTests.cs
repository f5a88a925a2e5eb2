using System.Text.Json;
using Program287g.ServiceTests.Notifications;
using Program287g.Testing;

namespace Program287g.ServiceTests.Cli;

/// <summary>The Notification service with the Agency service beside it, started once for <see cref="NotificationCommandsTests"/>.</summary>
public sealed class NotificationCommandsSystem(TestInfrastructure servers) : IAsyncLifetime
{
    public NotificationSystem System { get; private set; } = null!;

    public async Task InitializeAsync() => System = await NotificationSystem.StartAsync(servers, new() { WithAgencyService = true });

    public async Task DisposeAsync() => await System.DisposeAsync();
}

/// <summary>program287g inquiry, notification, sla, closure, calendar and mailbox against the real Notification
/// service: --json parsed, exit codes 0, 1 (refused, the field named) and 2 (bad usage).</summary>
[Collection(ServersCollection.Name)]
public sealed class NotificationCommandsTests(NotificationCommandsSystem fixture) : IClassFixture<NotificationCommandsSystem>
{
    private readonly NotificationSystem _system = fixture.System;

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(_system.Host.Address, _system.Tokens.Staff(), args);

    private async Task<JsonElement> SubmitAsync(string email) =>
        (await RunAsync("inquiry", "submit", "--name", "Casey Resident", "--email", email, "--subject", "When will we hear?",
            "--text", "We applied last month.", "--json")).Json().GetProperty("inquiry");

    [Fact]
    public async Task An_inquiry_submitted_is_listed_answered_once_and_its_acknowledgment_is_a_notification()
    {
        var email = TestEvents.NewRecipient();
        var inquiry = await SubmitAsync(email);
        var id = inquiry.GetProperty("inquiryId").GetString()!;
        inquiry.GetProperty("status").GetString().ShouldBe("OPEN");
        inquiry.GetProperty("acknowledgment").GetProperty("kind").GetString().ShouldBe("INQUIRY_ACKNOWLEDGMENT");

        var open = (await RunAsync("inquiry", "list", "--status", "open", "--all", "--json")).Json();
        var shown = (await RunAsync("inquiry", "show", id, "--json")).Json().GetProperty("inquiry");
        var answered = (await RunAsync("inquiry", "answer", id, "--answer", "Within the month.", "--json")).Json().GetProperty("inquiry");
        var again = await RunAsync("inquiry", "answer", id, "--answer", "Again.");
        var acknowledgmentId = inquiry.GetProperty("acknowledgment").GetProperty("notificationId").GetString()!;
        var notifications = (await RunAsync("notification", "list", "--kind", "inquiry-acknowledgment", "--all", "--json")).Json();
        var notification = (await RunAsync("notification", "show", acknowledgmentId, "--json")).Json().GetProperty("notification");

        open.GetProperty("inquiries").EnumerateArray().Select(i => i.GetProperty("inquiryId").GetString()).ShouldContain(id);
        open.GetProperty("asOf").GetString().ShouldNotBeNullOrEmpty();
        shown.GetProperty("contactEmail").GetString().ShouldBe(email);
        answered.GetProperty("status").GetString().ShouldBe("ANSWERED");
        answered.GetProperty("answer").GetString().ShouldBe("Within the month.");
        again.ShouldBeRefused("FAILED_PRECONDITION");
        notifications.GetProperty("notifications").EnumerateArray().Select(n => n.GetProperty("notificationId").GetString())
            .ShouldContain(acknowledgmentId);
        notification.GetProperty("referenceNumber").GetString().ShouldBe(inquiry.GetProperty("referenceNumber").GetString());
    }

    [Fact]
    public async Task Bad_inquiries_and_unknown_records_are_refused_naming_the_field_and_missing_options_are_usage_errors()
    {
        (await RunAsync("inquiry", "submit", "--name", "Casey", "--email", "not an address", "--subject", "S", "--text", "T"))
            .ShouldBeRefused("INVALID_ARGUMENT", field: "contact_email");
        (await RunAsync("inquiry", "show", Guid.NewGuid().ToString())).ShouldBeRefused("NOT_FOUND");
        (await RunAsync("notification", "show", Guid.NewGuid().ToString())).ShouldBeRefused("NOT_FOUND");
        (await RunAsync("inquiry", "answer", Guid.NewGuid().ToString())).ShouldBeUsageError("Option '--answer' is required.");
        (await RunAsync("notification", "list", "--received-from", "yesterday"))
            .ShouldBeUsageError("--received-from: 'yesterday' is not an ISO 8601 date-time with an offset");
    }

    [Fact]
    public async Task The_sla_report_counts_a_period_and_a_period_backwards_or_a_bad_day_is_refused()
    {
        await SubmitAsync(TestEvents.NewRecipient());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var report = (await RunAsync("sla", "--from", today.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "--to", today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "--json")).Json();
        var human = await RunAsync("sla", "--from", "2026-01-01", "--to", "2026-01-31");
        var backwards = await RunAsync("sla", "--from", "2026-02-01", "--to", "2026-01-01");
        var badDay = await RunAsync("sla", "--from", "2026-02-30", "--to", "2026-03-01");

        report.GetProperty("inquiryAnswers").GetProperty("due").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        report.GetProperty("notifications").GetArrayLength().ShouldBe(6);
        report.GetProperty("timeZone").GetString().ShouldBe("America/New_York");
        human.ExitCode.ShouldBe(0, human.Error);
        human.Out.ShouldContain("Inquiry answers");
        backwards.ShouldBeRefused("INVALID_ARGUMENT", field: "last_day");
        badDay.ShouldBeUsageError("--from: '2026-02-30' is not a date as YYYY-MM-DD");
    }

    [Fact]
    public async Task A_closure_added_closes_the_day_once_and_removed_opens_it_again()
    {
        // Wednesday 5 March 2031: a business day, far from anything the other tests receive.
        var added = (await RunAsync("closure", "add", "2031-03-05", "--reason", "Executive order: federal offices closed", "--json")).Json();
        var listed = (await RunAsync("closure", "list", "--year", "2031", "--json")).Json();
        var closedDay = (await RunAsync("calendar", "day", "2031-03-05", "--json")).Json();
        var twice = await RunAsync("closure", "add", "2031-03-05", "--reason", "Again");
        var removed = (await RunAsync("closure", "remove", "2031-03-05", "--json")).Json();
        var notClosed = await RunAsync("closure", "remove", "2031-03-05");
        var weekend = await RunAsync("closure", "add", "2031-03-08", "--reason", "A Saturday");

        added.GetProperty("closure").GetProperty("date").GetString().ShouldBe("2031-03-05");
        added.GetProperty("dueTimesMoved").GetInt32().ShouldBe(0);
        listed.GetProperty("closures").EnumerateArray().Select(c => c.GetProperty("date").GetString()).ShouldBe(["2031-03-05"]);
        closedDay.GetProperty("businessDay").GetBoolean().ShouldBeFalse();
        closedDay.GetProperty("kind").GetString().ShouldBe("CLOSURE");
        twice.ShouldBeRefused("ALREADY_EXISTS");
        removed.GetProperty("removed").GetProperty("reason").GetString().ShouldBe("Executive order: federal offices closed");
        notClosed.ShouldBeRefused("NOT_FOUND");
        weekend.ShouldBeRefused("INVALID_ARGUMENT", field: "date");
        (await RunAsync("closure", "add", "2031-03-06")).ShouldBeUsageError("Option '--reason' is required.");
    }

    [Fact]
    public async Task The_calendar_tells_holidays_the_next_business_day_and_the_due_time()
    {
        var holiday = (await RunAsync("calendar", "day", "2026-07-03", "--json")).Json();
        var next = (await RunAsync("calendar", "next", "2026-07-02", "--json")).Json();
        var due = (await RunAsync("calendar", "due", "2026-07-02T15:00:00-04:00", "--json")).Json();
        var holidays = (await RunAsync("calendar", "holidays", "2027", "--json")).Json();
        var human = await RunAsync("calendar", "holidays", "2027");
        var tooEarly = await RunAsync("calendar", "holidays", "1900");

        holiday.GetProperty("kind").GetString().ShouldBe("FEDERAL_HOLIDAY");
        holiday.GetProperty("description").GetString()!.ShouldContain("Independence Day");
        next.GetProperty("nextBusinessDay").GetString().ShouldBe("2026-07-06");
        due.GetProperty("dueAt").GetString().ShouldBe("2026-07-06T19:00:00Z");
        due.GetProperty("countedFrom").GetString().ShouldBe("2026-07-02");
        holidays.GetProperty("holidays").EnumerateArray().Select(h => h.GetProperty("observedOn").GetString()).ShouldContain("2027-12-31");
        human.Out.ShouldContain("New Year");
        tooEarly.ShouldBeRefused("INVALID_ARGUMENT", field: "year");
        (await RunAsync("calendar", "due", "2026-07-02 15:00")).ShouldBeUsageError("received-at: '2026-07-02 15:00' is not");
    }

    [Fact]
    public async Task The_mailbox_lists_its_emails_and_unknown_ones_are_refused()
    {
        var list = (await RunAsync("mailbox", "list", "--needs-attention", "--json")).Json();
        var unknown = await RunAsync("mailbox", "show", Guid.NewGuid().ToString());
        var agency = await AgencyRegistry.RegisterAsync(_system);
        var fileUnknown = await RunAsync("mailbox", "file", Guid.NewGuid().ToString(), "--agency", agency.AgencyId, "--model", "wso");

        list.GetProperty("messages").ValueKind.ShouldBe(JsonValueKind.Array);
        list.GetProperty("nextPageToken").ValueKind.ShouldBe(JsonValueKind.Null);
        unknown.ShouldBeRefused("NOT_FOUND");
        fileUnknown.ShouldBeRefused("NOT_FOUND");
        (await RunAsync("mailbox", "file", Guid.NewGuid().ToString(), "--model", "xyz"))
            .ShouldBeUsageError("--model: 'xyz' is not one of jem, tfm, wso.");
    }
}
