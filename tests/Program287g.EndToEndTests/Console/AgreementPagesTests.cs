using System.Globalization;
using Google.Protobuf;
using Microsoft.Playwright;
using Program287g.Agency.V1;
using Program287g.Agreement.V1;

namespace Program287g.EndToEndTests.Console;

/// <summary>The agencies and agreements pages in a real browser: finding an agency by typing part of its name, its
/// page, the application it submitted, and signing it through the confirmation dialog, where the Agreement service's
/// refusal appears beside the field it names.</summary>
[Collection(AppHostCollection.Name)]
public sealed class AgreementPagesTests(AppHostFixture system, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task Staff_find_an_agency_as_they_type_open_its_application_and_sign_it_after_the_service_refuses_a_future_date()
    {
        var (agency, application) = await SubmitApplicationAsync();
        await using var session = await ConsoleSession.OpenAsync(browser, system);
        var page = session.Page;
        await session.SignInAsStaffAsync("signer.e2e");

        await session.OpenAsync("/agencies");
        await session.CheckPageAsync("agencies");
        // Part of the name, typed key by key: the page searches once the typing pauses.
        await page.GetByLabel("Search by name").PressSequentiallyAsync(agency.Name[..agency.Name.IndexOf(" Sheriff", StringComparison.Ordinal)],
            new() { Delay = 40 });
        var row = page.GetByTestId("agency-row").Filter(new() { HasText = agency.Name });
        await row.WaitForAsync();
        await session.CheckPageAsync("agencies-search");

        await row.GetByRole(AriaRole.Link, new() { Name = agency.Name }).ClickAsync();
        await session.WaitForAddressAsync($"/agencies/{agency.AgencyId}");
        await session.WaitForPageAsync();
        // The URL changes before the new page renders: wait for what it shows, not just for the address.
        await Assertions.Expect(page.GetByTestId("agency-heading")).ToHaveTextAsync(agency.Name);
        await Assertions.Expect(page.GetByTestId("agreement-row")).ToHaveCountAsync(1);
        await session.WaitForPageAsync();
        await session.CheckPageAsync("agency");

        await page.GetByRole(AriaRole.Link, new() { Name = application.ReferenceNumber }).ClickAsync();
        await session.WaitForAddressAsync($"/agreements/{application.AgreementId}");
        await session.WaitForPageAsync();
        await Assertions.Expect(page.GetByTestId("agreement-record").GetByTestId("agreement-status")).ToHaveTextAsync("Pending");
        await session.WaitForPageAsync();
        await session.CheckPageAsync("agreement-pending");

        // A date in the future: the service refuses, and says so under the date, in the dialog, which stays open.
        await page.GetByTestId("action-sign").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("ICE signer's name").FillAsync("Ana Official");
        await dialog.GetByLabel("ICE signer's title").FillAsync("Field Office Director");
        await FillDateAsync(dialog.GetByLabel("ICE signed on"), DateTime.UtcNow.AddDays(10));
        await dialog.GetByTestId("dialog-confirm").ClickAsync();
        var dateControl = dialog.Locator(".mud-input-control", new() { Has = page.GetByLabel("ICE signed on") });
        await dateControl.GetByText("cannot be in the future").WaitForAsync();
        (await dialog.GetByLabel("ICE signer's name").InputValueAsync()).ShouldBe("Ana Official");
        await session.CheckPageAsync("agreement-sign-refused");

        await FillDateAsync(dialog.GetByLabel("ICE signed on"), DateTime.UtcNow.AddDays(-1));
        await dialog.GetByTestId("dialog-confirm").ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await page.Locator(".mud-snackbar").GetByText($"{application.ReferenceNumber} signed").WaitForAsync();
        await SnackbarsSettledAsync(page);
        await session.WaitForPageAsync();
        var status = page.GetByTestId("agreement-record").GetByTestId("agreement-status");
        await Assertions.Expect(status).ToHaveTextAsync("Active");
        await Assertions.Expect(page.GetByTestId("history-action").Last).ToHaveTextAsync("signed");
        (await page.GetByTestId("agreement-ice-signature").TextContentAsync() ?? "").ShouldContain("Ana Official, Field Office Director");
        await session.CheckPageAsync("agreement-active");
    }

    [Fact]
    public async Task The_list_preselects_pending_from_its_query_string_and_a_document_downloads_as_the_agency_sent_it()
    {
        var (_, application) = await SubmitApplicationAsync();
        await using var session = await ConsoleSession.OpenAsync(browser, system);
        await session.SignInAsStaffAsync();

        await session.OpenAsync($"/agreements?status=pending&reference={application.ReferenceNumber}");
        // The status select shows its choice as its input's value.
        await Assertions.Expect(session.Page.GetByTestId("filter-status")).ToHaveValueAsync("Pending");
        var row = session.Page.GetByTestId("agreement-row");
        (await row.CountAsync()).ShouldBe(1);
        (await row.GetByTestId("agreement-status").TextContentAsync()).ShouldBe("Pending");
        await session.CheckPageAsync("agreements-pending");

        // A state the service does not know: its word appears under the State filter.
        await session.Page.GetByLabel("State").FillAsync("Narnia");
        await session.Page.Locator(".mud-input-control", new() { Has = session.Page.GetByTestId("filter-state") })
            .GetByText("'state' must be empty, a USPS code or a state's full name.").WaitForAsync();

        await session.OpenAsync($"/agreements/{application.AgreementId}");
        await Assertions.Expect(session.Page.GetByTestId("document-download")).ToHaveCountAsync(2);
        var href = await session.Page.GetByTestId("document-download").Last.GetAttributeAsync("href");
        var download = await session.Page.Context.APIRequest.GetAsync(href!);
        download.Status.ShouldBe(200);
        (await download.TextAsync()).ShouldBe("%PDF MOA");
    }

    [Fact]
    public async Task Staff_record_an_uploaded_addendum_suspend_reinstate_supersede_and_terminate_an_agreement_through_its_dialogs()
    {
        var (_, application) = await SubmitApplicationAsync();
        var agreement = await SignAsync(application);
        await using var session = await ConsoleSession.OpenAsync(browser, system);
        var page = session.Page;
        var dialog = page.GetByRole(AriaRole.Dialog);
        var status = page.GetByTestId("agreement-record").GetByTestId("agreement-status");
        await session.SignInAsStaffAsync();
        await session.OpenAsync($"/agreements/{agreement.AgreementId}");

        await page.GetByTestId("action-record-addendum").ClickAsync();
        await dialog.GetByLabel("Description").FillAsync("Adds the county's annex jail");
        // Larger than the service takes: refused here, before anything is read into the console or sent. (MudFileUpload
        // hides each used file input and adds a fresh one.)
        var fileInput = dialog.Locator("input[type=file]:not(.d-none)");
        await fileInput.SetInputFilesAsync(new FilePayload
        {
            Name = "too-large.pdf", MimeType = "application/pdf", Buffer = new byte[(3 * 1024 * 1024) + 1],
        });
        await dialog.GetByText("too-large.pdf is 3,145,729 bytes: the service takes at most 3 MiB.").WaitForAsync();
        await fileInput.SetInputFilesAsync(new FilePayload
        {
            Name = "addendum-1.pdf", MimeType = "application/pdf", Buffer = "%PDF addendum"u8.ToArray(),
        });
        await Assertions.Expect(dialog.GetByTestId("document-file")).ToContainTextAsync("addendum-1.pdf");
        await dialog.GetByLabel("Signer's name").FillAsync("Pat Roe");
        await dialog.GetByLabel("Signer's title").FillAsync("Sheriff");
        await session.CheckPageAsync("agreement-addendum-dialog");
        await ConfirmAsync(dialog);
        await Assertions.Expect(page.GetByTestId("document-download")).ToHaveCountAsync(3);
        var addendum = await page.Context.APIRequest.GetAsync((await page.GetByTestId("document-download").Last.GetAttributeAsync("href"))!);
        (await addendum.TextAsync()).ShouldBe("%PDF addendum");

        // No reason: the service says it is required, under the reason.
        await page.GetByTestId("action-suspend").ClickAsync();
        await dialog.GetByTestId("dialog-confirm").ClickAsync();
        await dialog.Locator(".mud-input-control", new() { Has = page.GetByTestId("dialog-reason") }).GetByText("is required").WaitForAsync();
        await dialog.GetByTestId("dialog-reason").FillAsync("Annual inspection findings");
        await ConfirmAsync(dialog);
        await Assertions.Expect(status).ToHaveTextAsync("Suspended");

        await page.GetByTestId("action-reinstate").ClickAsync();
        await dialog.GetByTestId("dialog-note").FillAsync("Findings addressed");
        await ConfirmAsync(dialog);
        await Assertions.Expect(status).ToHaveTextAsync("Active");

        await page.GetByTestId("action-supersede").ClickAsync();
        await dialog.GetByText("Link to where it is kept").ClickAsync();
        await dialog.GetByLabel("Document link").FillAsync("https://moa.example.gov/pagewood-resigned.pdf");
        await dialog.GetByLabel("Document SHA-256").FillAsync(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("%PDF re-signed"u8)));
        await dialog.GetByLabel("Agency signer's name").FillAsync("Pat Roe");
        await dialog.GetByLabel("Agency signer's title").FillAsync("Sheriff");
        await dialog.GetByLabel("ICE signer's name").FillAsync("Ana Official");
        await dialog.GetByLabel("ICE signer's title").FillAsync("Field Office Director");
        await SnackbarsSettledAsync(page);
        await session.CheckPageAsync("agreement-supersede-dialog");
        await ConfirmAsync(dialog);
        await Assertions.Expect(status).ToHaveTextAsync("Superseded");

        await page.GetByTestId("agreement-superseded-by").ClickAsync();
        await session.WaitToLeaveAsync(agreement.AgreementId);
        await Assertions.Expect(page.GetByTestId("agreement-supersedes")).ToHaveTextAsync(agreement.ReferenceNumber);
        await page.GetByTestId("action-terminate").ClickAsync();
        await dialog.GetByTestId("dialog-reason").FillAsync("The county ends its participation");
        await ConfirmAsync(dialog);
        await Assertions.Expect(status).ToHaveTextAsync("Terminated");
        await Assertions.Expect(page.GetByTestId("agreement-termination")).ToContainTextAsync("Notice by ICE");
        await session.WaitForPageAsync();
        await SnackbarsSettledAsync(page);
        await session.CheckPageAsync("agreement-terminated");
    }

    [Fact]
    public async Task An_agency_user_lists_only_its_own_agencys_applications_and_is_offered_only_their_withdrawal()
    {
        var (own, application) = await SubmitApplicationAsync();
        var (_, other) = await SubmitApplicationAsync();
        await using var session = await ConsoleSession.OpenAsync(browser, system);
        var page = session.Page;
        await session.SignInAsAgencyUserAsync(own.AgencyId);

        await session.OpenAsync("/agreements");
        await Assertions.Expect(page.GetByTestId("agreement-row")).ToHaveCountAsync(1);
        (await page.GetByTestId("agreement-row").TextContentAsync() ?? "").ShouldContain(application.ReferenceNumber);
        await session.CheckPageAsync("agreements-agency-user");

        await session.OpenAsync($"/agreements/{application.AgreementId}");
        await Assertions.Expect(page.GetByTestId("action-withdraw")).ToBeVisibleAsync();
        (await page.GetByTestId("action-sign").CountAsync()).ShouldBe(0);

        // Another agency's record: the service's refusal, as it gave it.
        await session.OpenAsync($"/agreements/{other.AgreementId}");
        await Assertions.Expect(page.GetByTestId("service-problem")).ToContainTextAsync("Not allowed for your role or agency");

        await session.OpenAsync("/agencies");
        await Assertions.Expect(page.GetByTestId("service-problem")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("own-agency")).ToHaveAttributeAsync("href", $"/agencies/{own.AgencyId}");
        await session.CheckPageAsync("agencies-agency-user");
    }

    /// <summary>Snackbars fully shown or gone: half-way through fading, their text is paler than it will be, and axe-core
    /// would measure that.</summary>
    private static async Task SnackbarsSettledAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.mud-snackbar')].every(s => getComputedStyle(s).opacity === '1')");

    private static async Task ConfirmAsync(ILocator dialog)
    {
        await dialog.GetByTestId("dialog-confirm").ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    private async Task<Agreement.V1.Agreement> SignAsync(Agreement.V1.Agreement application)
    {
        var agreements = new AgreementService.AgreementServiceClient(system.Channel(ResourceNames.AgreementService, system.Tokens.Staff()));
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1));
        return (await agreements.SignAgreementAsync(new SignAgreementRequest
        {
            AgreementId = application.AgreementId,
            IceSignature = new Signature
            {
                SignerName = "Ana Official", SignerTitle = "Field Office Director",
                SignedOn = new Google.Type.Date { Year = yesterday.Year, Month = yesterday.Month, Day = yesterday.Day },
            },
        })).Agreement;
    }

    private async Task<(Agency.V1.Agency Agency, Agreement.V1.Agreement Application)> SubmitApplicationAsync()
    {
        var agencies = new AgencyService.AgencyServiceClient(system.Channel(ResourceNames.AgencyService, system.Tokens.Staff()));
        var agreements = new AgreementService.AgreementServiceClient(system.Channel(ResourceNames.AgreementService, system.Tokens.Staff()));
        var agency = (await agencies.RegisterAgencyAsync(new RegisterAgencyRequest
        {
            Name = $"Pagewood {Guid.NewGuid().ToString("N")[..8]} County Sheriff's Office",
            State = "TX",
            Type = AgencyType.County,
            Kind = AgencyKind.SheriffsOffice,
            County = "Pagewood",
            AgencyHead = "Sheriff Pat Roe",
            PointOfContact = new PointOfContact { Name = "Pat Roe", Email = "pat.roe@pagewood.example" },
        })).Agency;
        var signedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3));
        SignedDocument Signed(string text) => new()
        {
            Data = ByteString.CopyFromUtf8(text), SignerName = "Pat Roe", SignerTitle = "Sheriff",
            SignedOn = new Google.Type.Date { Year = signedOn.Year, Month = signedOn.Month, Day = signedOn.Day },
        };
        var application = (await agreements.SubmitApplicationAsync(new SubmitApplicationRequest
        {
            AgencyId = agency.AgencyId, Model = Model.Jem, LetterOfInterest = Signed("%PDF LoI"), Moa = Signed("%PDF MOA"),
        })).Agreement;
        return (agency, application);
    }

    /// <summary>The date pickers are editable: the date is typed, and the picker reads it when the field loses focus.</summary>
    private static async Task FillDateAsync(ILocator input, DateTime date)
    {
        await input.FillAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await input.PressAsync("Tab");
    }
}
