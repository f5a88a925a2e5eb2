using System.Globalization;
using Google.Protobuf;
using Microsoft.Playwright;
using Program287g.Agency.V1;
using Program287g.Agreement.V1;
using Program287g.Notification.V1;
using Program287g.Testing;

namespace Program287g.EndToEndTests.Console;

/// <summary>The SLA report and ICE's lists in a real browser over the whole AppHost: an import through the page's upload
/// with its progress and problem rows, the export downloads, and the SLA figures and refusals the Notification service gives.</summary>
[Collection(AppHostCollection.Name)]
public sealed class ReportPagesTests(AppHostFixture system, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    private static readonly TimeZoneInfo Eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public async Task Staff_import_an_ICE_sheet_through_the_upload_and_see_the_progress_reach_the_end_and_exactly_its_bad_rows()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var sheet = IceSheetFile.Build(IceSheetFile.PendingHeader,
        [
            ["TEXAS", $"Reportpages {suffix} County Sheriff's Office", "County", "Harris County", "Jail Enforcement Model"],
            ["ATLANTIS", $"Reportpages {suffix} Police Department", "Municipality", IceSheetFile.NotApplicable, "Task Force Model"],
            ["FLORIDA", null, "Municipality", IceSheetFile.NotApplicable, "Task Force Model"],
            ["FLORIDA", $"Reportpages {suffix} City Police Department", "Municipality", IceSheetFile.NotApplicable, "Warrant Service Officer"],
        ], DateTimeOffset.UtcNow.AddMinutes(-5));
        await using var session = await ConsoleSession.OpenAsync(browser, system);
        await session.SignInAsStaffAsync("ice.e2e");
        await session.OpenAsync("/ice-lists");

        // ICE's name for the pending list: the page takes the kind from it, as the CLI does.
        await session.Page.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload
        {
            Name = $"pendingAgencies_{suffix}.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = sheet,
        });
        await session.Page.GetByTestId("import-start").ClickAsync();
        var problems = session.Page.GetByTestId("import-problems");
        await problems.WaitForAsync();

        (await session.Page.GetByTestId("import-outcome-heading").TextContentAsync() ?? "").ShouldContain("imported as the pending list");
        (await session.Page.GetByTestId("import-progress-text").TextContentAsync() ?? "").ShouldContain("Imported: 2 of 2 rows");
        var bar = session.Page.GetByTestId("import-progress");
        (await bar.GetAttributeAsync("aria-valuenow")).ShouldBe(await bar.GetAttributeAsync("aria-valuemax"));
        (await Count("rows-read")).ShouldBe(4);
        (await Count("applications-created")).ShouldBe(2);
        (await Count("problems")).ShouldBe(2);
        var rows = await problems.Locator("tbody tr").AllAsync();
        var shown = new List<string[]>();
        foreach (var row in rows)
        {
            shown.Add([.. (await row.Locator("td").AllTextContentsAsync()).Select(text => text.Trim())]);
        }
        shown.Count.ShouldBe(2);
        shown[0].ShouldBe(["3", "STATE", "'ATLANTIS' is not a U.S. state", "ATLANTIS"]);
        shown[1].ShouldBe(["4", "LAW ENFORCEMENT AGENCY", "blank", ""]);
        await session.CheckPageAsync("ice-lists");

        // The export: a download of ICE's format from the console, not a page.
        var download = await session.Page.RunAndWaitForDownloadAsync(() => session.Page.GetByTestId("export-pending").ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".xlsx");
        (await download.FailureAsync()).ShouldBeNull();

        async Task<int> Count(string name) =>
            int.Parse(await session.Page.GetByTestId($"import-count-{name}").TextContentAsync() ?? "", CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_upload_refuses_a_file_over_20_MiB_before_sending_it_and_shows_the_services_words_for_a_file_that_is_not_ICEs()
    {
        await using var session = await ConsoleSession.OpenAsync(browser, system);
        await session.SignInAsStaffAsync("ice.e2e");
        await session.OpenAsync("/ice-lists");
        // MudFileUpload adds a new input for each choice; the last is the one that takes the next.
        ILocator File() => session.Page.Locator("input[type=file]").Last;

        await File().SetInputFilesAsync(new FilePayload { Name = "participatingAgencies_huge.xlsx", MimeType = "application/octet-stream", Buffer = new byte[21 * 1024 * 1024] });
        (await session.Page.GetByTestId("import-file-error").TextContentAsync() ?? "").ShouldContain("up to 20 MiB");
        (await session.Page.GetByTestId("import-start").IsDisabledAsync()).ShouldBeTrue();

        await File().SetInputFilesAsync(new FilePayload { Name = "participatingAgencies_notes.xlsx", MimeType = "text/plain", Buffer = "not a workbook"u8.ToArray() });
        await session.Page.GetByTestId("import-start").ClickAsync();
        await session.Page.GetByTestId("service-problem").WaitForAsync();
        // The service names the field "chunk" (the file's bytes): its words appear under the file's button.
        (await session.Page.GetByTestId("import-file-error").TextContentAsync() ?? "").ShouldContain("The file is not one of ICE's lists");
        (await session.Page.GetByTestId("import-outcome-heading").CountAsync()).ShouldBe(0);
        (await session.Page.GetByTestId("import-start").IsEnabledAsync()).ShouldBeTrue("the person may try again");
        await session.CheckPageAsync("ice-lists-refused");
    }

    [Fact]
    public async Task The_SLA_page_shows_the_figures_GetSlaReport_gives_and_the_services_words_next_to_the_last_day()
    {
        using var channel = system.Channel(ResourceNames.NotificationService, system.Tokens.Staff());
        var notifications = new NotificationService.NotificationServiceClient(channel);
        var today = DayEastern(DateTimeOffset.UtcNow);
        // An application now: its acknowledgment falls due on the next business day, so a period ending that day has a
        // figure to show. Once sent it stays put (on time), whatever else the system is doing.
        var agencyId = await SubmitApplicationAsync();
        var acknowledgment = await Eventually.ReturnsAsync(async () => (await notifications.ListNotificationsAsync(new ListNotificationsRequest
            {
                AgencyId = agencyId, Kind = NotificationKind.ApplicationAcknowledgment,
            })).Notifications.SingleOrDefault(), found => found?.Status == NotificationStatus.Sent, TimeSpan.FromSeconds(60));
        var dueDay = DayEastern(acknowledgment!.DueAt.ToDateTimeOffset());
        await using var session = await ConsoleSession.OpenAsync(browser, system);
        await session.SignInAsStaffAsync("sla.e2e");

        await session.OpenAsync("/sla");
        (await PeriodShownAsync(session)).ShouldBe($"{today.AddDays(-29):yyyy-MM-dd} to {today:yyyy-MM-dd}", "the default period");
        // The 30 days ending on the acknowledgment's due day, typed into the pickers. Mail of earlier tests may still be
        // settling, so the page and the service are compared until they agree on one moment's figures.
        var (first, last) = (dueDay.AddDays(-29), dueDay);
        await Eventually.SucceedsAsync(async () =>
        {
            // From the default again each time, so that the page asks the service afresh.
            await session.Page.GetByRole(AriaRole.Button, new() { Name = "Last 30 days" }).ClickAsync();
            await session.WaitForPageAsync();
            await SetDayAsync(session, "Last day", last);
            await SetDayAsync(session, "First day", first);
            (await PeriodShownAsync(session)).ShouldBe($"{first:yyyy-MM-dd} to {last:yyyy-MM-dd}");
            var report = await notifications.GetSlaReportAsync(new GetSlaReportRequest { FirstDay = Date(first), LastDay = Date(last) });
            var expected = report.Notifications.Select(line => line.Counts)
                .Append(report.NotificationsTotal).Append(report.InquiryAnswers).Select(Figures).ToList();
            var rows = await session.Page.GetByTestId("sla-row").AllAsync();
            var shown = new List<string>();
            foreach (var row in rows)
            {
                shown.Add(string.Join(' ', (await row.Locator("td").AllTextContentsAsync()).Select(text => text.Trim()).Take(6)));
            }
            shown.ShouldBe(expected);
            (await rows[^2].Locator("th").TextContentAsync() ?? "").Trim().ShouldBe("All notifications");
            (await rows[^1].Locator("th").TextContentAsync() ?? "").Trim().ShouldBe("Inquiry answers (by staff)");
            var acknowledgments = report.Notifications.Single(line => line.Kind == NotificationKind.ApplicationAcknowledgment).Counts;
            acknowledgments.OnTime.ShouldBeGreaterThan(0);
            (await session.Page.GetByTestId("sla-chart").GetAttributeAsync("aria-label") ?? "")
                .ShouldContain($"Application acknowledgment: {acknowledgments.Due} due, {acknowledgments.OnTime} on time");
        }, TimeSpan.FromSeconds(30), () => session.BrowserLog);
        await session.CheckPageAsync("sla");

        // 400 days: the service refuses, and its words appear under the last day's picker (the field it names).
        await SetDayAsync(session, "First day", last.AddDays(-399));
        var lastDay = session.Page.GetByTestId("sla-last-day");
        await session.Page.GetByText("The period may be at most 366 days.").WaitForAsync();
        (await lastDay.TextContentAsync() ?? "").ShouldContain("The period may be at most 366 days.");
        (await session.Page.GetByTestId("sla-table").CountAsync()).ShouldBe(0);
        await session.CheckPageAsync("sla-period-too-long");

        // The last day before the first: the service names last_day again.
        await SetDayAsync(session, "First day", last.AddDays(1));
        await session.Page.GetByText("'last_day' cannot be before 'first_day'.").WaitForAsync();
        (await lastDay.TextContentAsync() ?? "").ShouldContain("'last_day' cannot be before 'first_day'.");
    }

    private static DateOnly DayEastern(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Eastern).DateTime);

    private static async Task<string> PeriodShownAsync(ConsoleSession session) =>
        (await session.Page.GetByTestId("sla-period").TextContentAsync() ?? "").Trim();

    private async Task<string> SubmitApplicationAsync()
    {
        using var agencyChannel = system.Channel(ResourceNames.AgencyService, system.Tokens.Staff());
        using var agreementChannel = system.Channel(ResourceNames.AgreementService, system.Tokens.Staff());
        var agency = (await new AgencyService.AgencyServiceClient(agencyChannel).RegisterAgencyAsync(new RegisterAgencyRequest
        {
            Name = $"Slareport County Sheriff's Office {Guid.NewGuid():N}", State = "GA", Type = AgencyType.County,
            Kind = AgencyKind.SheriffsOffice, County = "Slareport",
            PointOfContact = new PointOfContact { Name = "Sam Roe", Email = $"sam.{Guid.NewGuid():N}@example.gov" },
        })).Agency;
        var signedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3));
        SignedDocument Signed(string text) => new()
        {
            Data = ByteString.CopyFromUtf8(text), SignerName = "Sam Roe", SignerTitle = "Sheriff", SignedOn = Date(signedOn),
        };
        await new AgreementService.AgreementServiceClient(agreementChannel).SubmitApplicationAsync(new SubmitApplicationRequest
        {
            AgencyId = agency.AgencyId, Model = Model.Jem, LetterOfInterest = Signed("%PDF LoI"), Moa = Signed("%PDF MOA"),
        });
        return agency.AgencyId;
    }

    private static Google.Type.Date Date(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    private static string Figures(SlaCounts counts) =>
        string.Join(' ', new[] { counts.Due, counts.OnTime, counts.Late, counts.Overdue, counts.Pending, counts.Undeliverable }
            .Select(count => count.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Types the day into the picker, as a person can, and leaves the field, which commits it; then waits for the
    /// report to load.</summary>
    private static async Task SetDayAsync(ConsoleSession session, string label, DateOnly day)
    {
        var input = session.Page.GetByLabel(label);
        await input.FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await input.PressAsync("Tab");
        await session.WaitForPageAsync();
    }
}
