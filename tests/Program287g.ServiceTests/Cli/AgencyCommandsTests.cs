using System.Text.Json;
using Program287g.ServiceTests.Agreements;

namespace Program287g.ServiceTests.Cli;

/// <summary>program287g agency ... against the real Agency service: --json parsed, exit codes 0, 1 (refused, the field
/// named) and 2 (bad usage).</summary>
[Collection(ServersCollection.Name)]
public sealed class AgencyCommandsTests(AgreementSystemFixture fixture) : IClassFixture<AgreementSystemFixture>
{
    private readonly AgreementSystem _system = fixture.System;

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(_system.AgencyHost.Address, _system.Tokens.Staff(), args);

    private static string[] Register(string name, string state = "TX", string email = "jo.contact@example.gov") =>
    [
        "agency", "register", "--name", name, "--state", state, "--type", "county", "--kind", "sheriffs-office", "--county", "Test",
        "--head", "Sheriff Pat Example", "--contact-name", "Jo Contact", "--contact-email", email, "--json",
    ];

    private static string UniqueName() => $"Cli {Guid.NewGuid():N} County Sheriff's Office";

    [Fact]
    public async Task An_agency_registered_shows_and_updates_only_the_fields_given_and_a_stale_version_is_refused()
    {
        var name = UniqueName();
        var registered = (await RunAsync(Register(name))).Json().GetProperty("agency");
        var id = registered.GetProperty("agencyId").GetString()!;
        registered.GetProperty("type").GetString().ShouldBe("COUNTY");
        registered.GetProperty("kind").GetString().ShouldBe("SHERIFFS_OFFICE");

        var shown = (await RunAsync("agency", "show", id, "--json")).Json().GetProperty("agency");
        var updated = (await RunAsync("agency", "update", id, "--head", "Sheriff Lee Example", "--json")).Json().GetProperty("agency");
        var stale = await RunAsync("agency", "update", id, "--version", "1", "--head", "Sheriff Someone Else");
        var human = await RunAsync("agency", "show", id);

        shown.GetProperty("name").GetString().ShouldBe(name);
        shown.GetProperty("pointOfContact").GetProperty("email").GetString().ShouldBe("jo.contact@example.gov");
        updated.GetProperty("agencyHead").GetString().ShouldBe("Sheriff Lee Example");
        updated.GetProperty("name").GetString().ShouldBe(name);
        updated.GetProperty("county").GetString().ShouldBe("Test");
        updated.GetProperty("version").GetInt64().ShouldBe(shown.GetProperty("version").GetInt64() + 1);
        stale.ExitCode.ShouldBe(1, stale.Error);
        stale.Error.ShouldContain("the Agency service refused:");
        human.ExitCode.ShouldBe(0, human.Error);
        human.Out.ShouldContain("agencyHead");
        human.Out.ShouldContain("Sheriff Lee Example");
    }

    [Fact]
    public async Task Bad_details_are_refused_naming_the_field_and_a_missing_option_is_a_usage_error()
    {
        var badState = await RunAsync(Register(UniqueName(), state: "Atlantis"));
        var unknown = await RunAsync("agency", "show", Guid.NewGuid().ToString());
        var missing = await RunAsync("agency", "register", "--name", UniqueName(), "--json");
        var badType = await RunAsync("agency", "list", "--type", "galactic");

        badState.ShouldBeRefused("INVALID_ARGUMENT", field: "state");
        unknown.ShouldBeRefused("NOT_FOUND");
        missing.ShouldBeUsageError("--state");
        badType.ShouldBeUsageError("--type: 'galactic' is not one of county, municipality, state-agency.");
    }

    [Fact]
    public async Task List_gives_a_page_and_its_token_or_with_all_every_page_with_progress_on_stderr()
    {
        string[] ids = [.. await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
            (await RunAsync(Register(UniqueName(), state: "VT"))).Json().GetProperty("agency").GetProperty("agencyId").GetString()!))];

        var page = (await RunAsync("agency", "list", "--state", "VT", "--page-size", "2", "--json")).Json();
        var next = (await RunAsync("agency", "list", "--state", "VT", "--page-size", "2", "--page-token",
            page.GetProperty("nextPageToken").GetString()!, "--json")).Json();
        var all = (await RunAsync("agency", "list", "--state", "VT", "--page-size", "2", "--all", "--json")).Json();
        var human = await RunAsync("agency", "list", "--state", "VT", "--page-size", "2", "--all");
        var badSize = await RunAsync("agency", "list", "--page-size", "0");

        page.GetProperty("agencies").GetArrayLength().ShouldBe(2);
        next.GetProperty("agencies").GetArrayLength().ShouldBe(1);
        next.GetProperty("nextPageToken").ValueKind.ShouldBe(JsonValueKind.Null);
        all.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("agencyId").GetString()).Order().ShouldBe(ids.Order());
        all.GetProperty("nextPageToken").ValueKind.ShouldBe(JsonValueKind.Null);
        human.ExitCode.ShouldBe(0, human.Error);
        human.Error.ShouldContain("program287g: 2 agencies so far (1 pages); fetching more ...");
        human.Out.ShouldContain("3 agencies.");
        badSize.ShouldBeUsageError("--page-size must be 1 to 500, not 0.");
    }

    [Fact]
    public async Task Search_resolve_and_by_email_find_the_agency()
    {
        var word = $"Zq{Guid.NewGuid():N}"[..12];
        var email = $"contact-{Guid.NewGuid():N}@{word.ToLowerInvariant()}.example.gov";
        var name = $"{word} County Sheriff's Office";
        var id = (await RunAsync(Register(name, email: email))).Json().GetProperty("agency").GetProperty("agencyId").GetString();

        var search = (await RunAsync("agency", "search", word, "--json")).Json();
        var resolved = (await RunAsync("agency", "resolve", "--name", name, "--state", "TX", "--type", "county", "--county", "Test", "--json")).Json();
        var newName = UniqueName();
        var created = (await RunAsync("agency", "resolve", "--name", newName, "--state", "TX", "--type", "county", "--json")).Json();
        var byEmail = (await RunAsync("agency", "by-email", email, "--json")).Json();
        var emptySearch = await RunAsync("agency", "search", "!!!");

        search.GetProperty("matches")[0].GetProperty("agency").GetProperty("agencyId").GetString().ShouldBe(id);
        var match = resolved.GetProperty("agencies").EnumerateArray().ShouldHaveSingleItem();
        match.GetProperty("agency").GetProperty("agencyId").GetString().ShouldBe(id);
        match.GetProperty("registered").GetBoolean().ShouldBeFalse();
        var registered = created.GetProperty("agencies").EnumerateArray().ShouldHaveSingleItem();
        registered.GetProperty("registered").GetBoolean().ShouldBeTrue();
        registered.GetProperty("agency").GetProperty("name").GetString().ShouldBe(newName);
        byEmail.GetProperty("sameAddress").EnumerateArray().Select(a => a.GetProperty("agencyId").GetString()).ShouldBe([id]);
        emptySearch.ShouldBeRefused("INVALID_ARGUMENT", field: "query");
    }

    [Fact]
    public async Task Without_url_the_address_comes_from_PROGRAM287G_AGENCY_URL()
    {
        var run = await CliRunner.RunAsync(new Dictionary<string, string>
        {
            ["PROGRAM287G_AGENCY_URL"] = _system.AgencyHost.Address.ToString(),
            ["PROGRAM287G_AGREEMENT_URL"] = "http://127.0.0.1:1",
            ["PROGRAM287G_TOKEN"] = _system.Tokens.Staff(),
        }, Register(UniqueName()));

        run.Json().GetProperty("agency").GetProperty("agencyId").GetString().ShouldNotBeNullOrEmpty();
    }
}
