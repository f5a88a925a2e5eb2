using Microsoft.Playwright;
using Program287g.Agency.V1;

namespace Program287g.EndToEndTests.Console;

/// <summary>The console over the whole AppHost in a real browser: signing in, today's work, and what every page must
/// be (fits 1280 px, no axe-core violations, usable by keyboard). The example the other console tests follow.</summary>
[Collection(AppHostCollection.Name)]
public sealed class ConsoleHomeTests(AppHostFixture system, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task The_sign_in_page_is_accessible_and_a_page_asked_for_before_signing_in_opens_after_it()
    {
        await using var session = await ConsoleSession.OpenAsync(browser, system);
        await session.Page.GotoAsync("/agencies");
        session.Page.Url.ShouldContain("/signin?ReturnUrl=%2Fagencies");
        await session.CheckPageAsync("sign-in");

        await session.SignInAsStaffAsync();

        new Uri(session.Page.Url).AbsolutePath.ShouldBe("/agencies");
    }

    [Fact]
    public async Task Staff_see_todays_work_with_the_program_figures_the_agreement_service_reports()
    {
        using var channel = system.Channel(ResourceNames.AgreementService, system.Tokens.Staff());
        var statistics = await new Agreement.V1.AgreementService.AgreementServiceClient(channel)
            .GetStatisticsAsync(new Agreement.V1.GetStatisticsRequest());
        await using var session = await ConsoleSession.OpenAsync(browser, system);

        await session.SignInAsStaffAsync("figures.e2e");

        (await session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync()).ShouldBe("Today's work");
        (await session.Page.GetByTestId("signed-in-as").TextContentAsync() ?? "").ShouldContain("figures.e2e · Program staff");
        var allModels = session.Page.GetByTestId("program-figures").GetByRole(AriaRole.Row, new() { Name = "All models" });
        (await allModels.GetByRole(AriaRole.Cell).First.TextContentAsync()).ShouldBe(statistics.TotalAgreements.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var stateRows = session.Page.GetByTestId("figures-by-state").Locator("tbody tr");
        if (statistics.States.Count == 0)
        {
            (await stateRows.First.TextContentAsync()).ShouldBe("No state has an agreement in force or a pending application.");
        }
        else
        {
            (await stateRows.CountAsync()).ShouldBe(Math.Min(10, statistics.States.Count));
            var first = statistics.States.OrderBy(state => state.State, StringComparer.Ordinal).First();
            (await stateRows.First.Locator("td").AllTextContentsAsync()).ShouldBe(
                [first.State, $"{first.JemAgreements}", $"{first.TfmAgreements}", $"{first.WsoAgreements}", $"{first.Agencies}", $"{first.PendingApplications}"]);
        }
        foreach (var heading in new[] { "Inquiries to answer", "Acknowledgments to send", "Applications waiting for a decision", "Nominees waiting for a step" })
        {
            (await session.Page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 2 }).IsVisibleAsync()).ShouldBeTrue(heading);
        }
        await session.CheckPageAsync("home");
    }

    [Fact]
    public async Task An_agency_user_is_signed_in_for_their_agency_and_the_services_refusals_are_shown_not_hidden()
    {
        using var channel = system.Channel(ResourceNames.AgencyService, system.Tokens.Staff());
        var agency = (await new AgencyService.AgencyServiceClient(channel).RegisterAgencyAsync(new RegisterAgencyRequest
        {
            Name = $"Console Home County Sheriff's Office {Guid.NewGuid():N}"[..48],
            State = "TX",
            Type = AgencyType.County,
            Kind = AgencyKind.SheriffsOffice,
            County = "Home",
            AgencyHead = "Sheriff Home",
            PointOfContact = new PointOfContact { Name = "Deputy Home", Email = "home@console.example" },
        })).Agency;
        await using var session = await ConsoleSession.OpenAsync(browser, system);

        await session.SignInAsAgencyUserAsync(agency.AgencyId);

        (await session.Page.GetByTestId("signed-in-as").TextContentAsync() ?? "").ShouldContain($"Agency user · agency {agency.AgencyId}");
        // Each part of the page shows what its service said to this agency user (its rows, or its refusal), and the page
        // as a whole does not fail.
        (await session.Page.Locator("text=The console could not show this page").CountAsync()).ShouldBe(0);
        (await session.Page.GetByRole(AriaRole.Heading, new() { Name = "Program figures", Level = 2 }).IsVisibleAsync()).ShouldBeTrue();
        await session.CheckPageAsync("home-agency-user");
    }

    [Fact]
    public async Task The_pages_are_reachable_by_keyboard_alone()
    {
        await using var session = await ConsoleSession.OpenAsync(browser, system);
        await session.SignInAsStaffAsync();

        // Tab through the page until the "Agencies" link of the navigation has the focus, then follow it with Enter.
        var reached = false;
        for (var presses = 0; presses < 30 && !reached; presses++)
        {
            await session.Page.Keyboard.PressAsync("Tab");
            reached = await session.Page.EvaluateAsync<bool>("() => document.activeElement?.textContent?.trim() === 'Agencies'");
        }
        reached.ShouldBeTrue("Tab never reached the Agencies link");
        await session.Page.Keyboard.PressAsync("Enter");
        await session.WaitForAddressAsync("/agencies");
        await session.WaitForPageAsync();
    }
}
