using Microsoft.Playwright;
using Program287g.Notification.V1;
using Program287g.Testing;
using NomineeStatus = Program287g.Nominee.V1.NomineeStatus;

namespace Program287g.EndToEndTests.Console;

/// <summary>The nominee and inquiry pages in a real browser over the whole system: staff answer an overdue inquiry in
/// place, an agency user is refused another agency's nominee, and staff take a nominee's step through its dialog.</summary>
[Collection(AppHostCollection.Name)]
public sealed class InquiryAndNomineePagesTests(AppHostFixture system, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    private readonly PipelineData _data = new(system);

    private static string Suffix() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>Through the gRPC API an inquiry is received now and is overdue only a business day later; an email's
    /// receipt is the mailbox server's INTERNALDATE, so one appended with a date ten days back arrives overdue (and,
    /// oldest first, on the list's first page).</summary>
    [Fact]
    public async Task An_overdue_inquiry_is_answered_in_place_and_leaves_the_overdue_list()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var connectionString = await system.App.GetConnectionStringAsync(ResourceNames.Mailbox, timeout.Token);
        await using var mailbox = TestImapServer.Running(connectionString.ShouldNotBeNull());
        var email = TestMail.Message($"robin.{Suffix()}@asker.example.org", $"Refresher training dates {Suffix()}",
            "When is the next refresher course for our authorized officers?", fromName: "Robin Asker");
        await mailbox.AppendAsync(email, DateTimeOffset.UtcNow.AddDays(-10));
        using var channel = system.Channel(ResourceNames.NotificationService, system.Tokens.Staff());
        var notifications = new NotificationService.NotificationServiceClient(channel);
        var record = await Eventually.ReturnsAsync(async () => (await notifications.ListMailboxMessagesAsync(
                new ListMailboxMessagesRequest { PageSize = 500 })).Messages.SingleOrDefault(m => m.InternetMessageId == email.MessageId),
            found => found?.InquiryId.Length > 0, TimeSpan.FromSeconds(60));
        var inquiry = (await notifications.GetInquiryAsync(new GetInquiryRequest { InquiryId = record!.InquiryId })).Inquiry;
        inquiry.Timeliness.ShouldBe(Timeliness.Overdue);
        await using var session = await ConsoleSession.OpenAsync(browser, system);
        await session.SignInAsStaffAsync("answers.e2e");

        await session.OpenAsync("/inquiries?filter=overdue");
        var row = session.Page.Locator($"[data-testid=inquiry-row][data-reference='{inquiry.ReferenceNumber}']");
        (await row.GetByText("Overdue").IsVisibleAsync()).ShouldBeTrue();
        await row.GetByTestId("inquiry-expand").ClickAsync();
        var panel = session.Page.GetByTestId("inquiry-panel");
        (await panel.GetByTestId("inquiry-text").TextContentAsync()).ShouldBe(inquiry.Text);
        await panel.GetByLabel($"Answer to {inquiry.ReferenceNumber}").FillAsync("The next refresher course starts on the first Monday of the month.");
        await session.CheckPageAsync("inquiries-overdue-answering");
        await panel.GetByTestId("answer-send").ClickAsync();
        var confirm = session.Page.GetByRole(AriaRole.Dialog);
        (await confirm.TextContentAsync() ?? "").ShouldContain(inquiry.ContactEmail);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();

        await row.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        var answered = (await notifications.GetInquiryAsync(new GetInquiryRequest { InquiryId = inquiry.InquiryId })).Inquiry;
        answered.Status.ShouldBe(InquiryStatus.Answered);
        answered.Timeliness.ShouldBe(Timeliness.Late);
        answered.AnsweredBy.ShouldBe("answers.e2e");
        await session.OpenAsync("/inquiries?filter=overdue");
        (await row.CountAsync()).ShouldBe(0);

        await session.OpenAsync($"/inquiries/{inquiry.InquiryId}");
        (await session.Page.GetByTestId("inquiry-status").TextContentAsync() ?? "").ShouldContain("Late");
        (await session.Page.GetByTestId("inquiry-answer").IsVisibleAsync()).ShouldBeTrue();
        await session.CheckPageAsync("inquiry");
        await session.OpenAsync("/inquiries?tab=mailbox");
        var mailed = session.Page.GetByTestId("mailbox-row").Filter(new() { HasText = email.Subject });
        (await mailed.GetByRole(AriaRole.Link, new() { Name = inquiry.ReferenceNumber }).IsVisibleAsync()).ShouldBeTrue();
        await session.CheckPageAsync("inquiries-mailbox");
    }

    [Fact]
    public async Task An_agency_user_opening_another_agencys_nominee_sees_the_services_refusal_and_no_record()
    {
        var ours = await _data.AgencyAsync($"Pipeline {Suffix()} County Sheriff's Office", "TX");
        var theirs = await _data.AgencyAsync($"Pipeline {Suffix()} County Sheriff's Office", "GA");
        var agreement = await _data.SignedAgreementAsync(theirs.AgencyId);
        var nominee = await _data.NominateAsync(theirs.AgencyId, agreement.AgreementId, "Quinn", $"Private{Suffix()}");
        await using var session = await ConsoleSession.OpenAsync(browser, system);
        await session.SignInAsAgencyUserAsync(ours.AgencyId);

        await session.OpenAsync($"/nominees/{nominee.NomineeId}");

        (await session.Page.GetByTestId("service-problem").TextContentAsync() ?? "").ShouldContain("Not allowed for your role or agency");
        (await session.Page.ContentAsync()).ShouldNotContain(nominee.Officer.FamilyName);
        (await session.Page.GetByTestId("nominee-officer").CountAsync()).ShouldBe(0);
        await session.CheckPageAsync("nominee-refused");
    }

    [Fact]
    public async Task Staff_find_an_agencys_nominee_in_the_pipeline_and_start_the_background_investigation_through_its_dialog()
    {
        var agency = await _data.AgencyAsync($"Pipeline {Suffix()} County Sheriff's Office", "TX");
        var agreement = await _data.SignedAgreementAsync(agency.AgencyId);
        var nominee = await _data.NominateAsync(agency.AgencyId, agreement.AgreementId, "Jordan", $"Rivera{Suffix()}");
        await using var session = await ConsoleSession.OpenAsync(browser, system);
        await session.SignInAsStaffAsync("pipeline.e2e");

        await session.OpenAsync("/nominees");
        await session.Page.GetByLabel("Agency").FillAsync(agency.Name);
        await session.Page.GetByRole(AriaRole.Option, new() { Name = $"{agency.Name} ({agency.State})" }).ClickAsync();
        await session.WaitForAddressAsync($"/nominees?agency={agency.AgencyId}");
        // A navigation inside the circuit: the old page's heading is up and its counts were loaded before the new
        // ones start, so a wait for "no loading indicator" can pass before the agency's counts are even asked for.
        // The expectations wait for the agency's own figures instead.
        await Assertions.Expect(session.Page.GetByTestId("stage-nominated-count")).ToHaveTextAsync("1");
        await Assertions.Expect(session.Page.GetByTestId("stage-background-count")).ToHaveTextAsync("0");
        await session.WaitForPageAsync();
        await session.CheckPageAsync("nominees");
        await session.Page.GetByRole(AriaRole.Link, new() { Name = nominee.ReferenceNumber }).ClickAsync();
        await Assertions.Expect(session.Page.GetByTestId("nominee-heading")).ToContainTextAsync(nominee.Officer.FamilyName);
        await session.WaitForPageAsync();
        await session.CheckPageAsync("nominee");

        // A date in the future: the service refuses it, naming the field, and the dialog stays open with it.
        await session.Page.GetByTestId("step-start-background").ClickAsync();
        var dialog = session.Page.GetByRole(AriaRole.Dialog);
        var startedOn = dialog.GetByLabel("Started on");
        await startedOn.FillAsync(Iso(PipelineData.DaysAgo(-3)));
        await dialog.GetByTestId("step-confirm").ClickAsync();
        await dialog.GetByText("'started_on' cannot be in the future.").WaitForAsync();
        await session.CheckPageAsync("nominee-step-refused");
        (await session.Page.GetByTestId("nominee-status").TextContentAsync()).ShouldBe("Eligible");

        await startedOn.FillAsync(Iso(PipelineData.DaysAgo(0)));
        await dialog.GetByTestId("step-confirm").ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        await session.Page.GetByTestId("nominee-status").Filter(new() { HasText = "Background in progress" }).WaitForAsync();
        await session.Page.GetByTestId("history-step").Filter(new() { HasText = "background-started" }).WaitForAsync();
        var after = await _data.NomineeAsync(nominee.NomineeId);
        after.Status.ShouldBe(NomineeStatus.BackgroundInProgress);
        after.Background.StartedOn.ShouldBe(PipelineData.DaysAgo(0));
    }

    /// <summary>As a date input takes it.</summary>
    private static string Iso(Google.Type.Date date) => $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}";
}
