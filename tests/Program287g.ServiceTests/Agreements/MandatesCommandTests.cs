extern alias Cli;

using System.Text.Json;
using CliApp = Cli::Program287g.Cli.CliApp;
using CliClients = Cli::Program287g.Cli.AgreementClientFactory;

namespace Program287g.ServiceTests.Agreements;

/// <summary>program287g mandates and mandates load against the real Agreement service.</summary>
[Collection(ServersCollection.Name)]
public sealed class MandatesCommandTests(MandateSystemFixture fixture) : IClassFixture<MandateSystemFixture>
{
    private readonly AgreementSystem _system = fixture.System;

    [Fact]
    public async Task Load_replaces_a_state_s_list_from_csv_and_the_gaps_show_each_reason_and_the_statute()
    {
        var sheriff = await _system.RegisterAgencyAsync("TX");
        var unregistered = $"Nowhere County {Guid.NewGuid():N} Sheriff's Office, Jail Division";
        var file = await CsvAsync($"""
            Name,County,Kind
            {sheriff.Name},Test,sheriff
            "{unregistered}",Nowhere,SHERIFF
            """);

        var load = await RunAsync("mandates", "load", "--state", "Texas", file, "--json");
        var json = await RunAsync("mandates", "--state", "TX", "--as-of", "2026-12-01", "--json");
        var human = await RunAsync("mandates", "--state", "TX", "--as-of", "2026-12-01");

        load.ExitCode.ShouldBe(0, load.Error);
        using (var loaded = JsonDocument.Parse(load.Out))
        {
            loaded.RootElement.GetProperty("coveredAgencies").GetInt32().ShouldBe(2);
            loaded.RootElement.GetProperty("registered").GetInt32().ShouldBe(1);
        }
        json.ExitCode.ShouldBe(0, json.Error);
        using var document = JsonDocument.Parse(json.Out);
        var gaps = document.RootElement.GetProperty("gaps").EnumerateArray().ToList();
        gaps.Select(g => g.GetProperty("reason").GetString()).ShouldBe(["NO_APPLICATION", "NO_AGENCY_REGISTERED"], ignoreOrder: true);
        gaps.Single(g => g.GetProperty("reason").GetString() == "NO_AGENCY_REGISTERED").GetProperty("covered")
            .GetProperty("name").GetString().ShouldBe(unregistered);
        gaps.ShouldAllBe(g => g.GetProperty("mandate").GetProperty("law").GetString() == "Tex. Gov't Code 753.051 (SB 8, 2025)");
        human.ExitCode.ShouldBe(0, human.Error);
        human.Out.ShouldContain("2 covered agencies that do not meet their state's law:");
        // Table cells may wrap at spaces on a narrow terminal: single words only.
        human.Out.ShouldContain("registered)"); // the unregistered agency's name, "... (not registered)"
        human.Out.ShouldContain("753.051");
    }

    [Fact]
    public async Task A_file_the_command_cannot_read_is_a_usage_error_naming_the_line_and_a_refusal_names_the_field()
    {
        var badKind = await CsvAsync("""
            name,county,kind
            Harris County Sheriff's Office,Harris,sheriff
            Harris County Constable Precinct 1,Harris,constable
            """);
        var good = await CsvAsync("name,kind\nHarris County Sheriff's Office,sheriff\n");

        var unreadable = await RunAsync("mandates", "load", "--state", "TX", badKind);
        var refused = await RunAsync("mandates", "load", "--state", "NY", good);

        unreadable.ExitCode.ShouldBe(2);
        unreadable.Error.ShouldContain("line 3: kind 'constable'");
        refused.ExitCode.ShouldBe(1);
        refused.Error.ShouldContain("state");
    }

    private static async Task<string> CsvAsync(string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "covered.csv");
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    private async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        // No environment and no AppHost key: the address and token are the ones given here.
        var clients = new CliClients(_ => null, () => null);
        var exitCode = await CliApp.RunAsync([.. args, "--url", _system.AgreementHost.Address.ToString(), "--token", _system.Tokens.Staff()],
            stdout, stderr, clients);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
