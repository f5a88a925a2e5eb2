extern alias Cli;

using Cli::Program287g.Agreement.V1;
using Cli::Program287g.Cli.Parsing;

namespace Program287g.UnitTests.Cli;

public class CliParsingTests
{
    [Theory]
    [InlineData("participatingAgencies_2025-03-27.xlsx", IceListKind.Participating)]
    [InlineData("pendingAgencies_2025-07-18.xlsx", IceListKind.Pending)]
    [InlineData("/data/287g/PARTICIPATING.xlsx", IceListKind.Participating)]
    [InlineData("Pending agencies (1).xlsx", IceListKind.Pending)]
    public void The_kind_of_list_comes_from_ICE_s_file_name(string fileName, IceListKind kind) =>
        Choices.KindFromFileName(fileName).ShouldBe(kind);

    [Theory]
    [InlineData("agencies.xlsx")]
    [InlineData("2025-03-27_participatingAgencies.xlsx")]
    [InlineData("participating/list.xlsx")]
    public void A_file_name_that_does_not_start_with_the_list_s_name_tells_nothing(string fileName) =>
        Choices.KindFromFileName(fileName).ShouldBeNull();

    [Fact]
    public async Task Importing_a_file_whose_name_tells_no_kind_without_kind_is_a_usage_error()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "agencies.xlsx");
        await File.WriteAllBytesAsync(file, [1, 2, 3]);
        var run = await CliRun.RunAsync("import", file, "--token", "t");
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("Cannot tell from the name 'agencies.xlsx' which list this is: pass --kind participating or --kind pending.");
        run.Out.ShouldBeEmpty();
    }

    [Fact]
    public async Task Importing_a_missing_file_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("import", "/nonexistent/participatingAgencies.xlsx");
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("File does not exist");
    }

    [Theory]
    [InlineData("2025-03-27T15:00:00-04:00", "2025-03-27T19:00:00Z")]
    [InlineData("2025-03-27T19:00Z", "2025-03-27T19:00:00Z")]
    [InlineData("2025-03-27T15:00:00.250-0400", "2025-03-27T19:00:00.25Z")]
    public void An_as_of_is_a_date_time_with_an_offset(string text, string utc)
    {
        AsOf.TryParseMoment(text, out var moment).ShouldBeTrue();
        moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(utc);
    }

    [Theory]
    [InlineData("2025-03-27")]
    [InlineData("2025-03-27T15:00:00")]
    [InlineData("2025-03-27 15:00:00Z")]
    [InlineData("2025-13-27T15:00:00Z")]
    [InlineData("March 27, 2025, at 3 p.m.")]
    [InlineData("yesterday")]
    public async Task An_as_of_without_an_offset_or_not_a_date_time_is_a_usage_error_that_says_what_is_wanted(string text)
    {
        foreach (var command in new[] { new[] { "stats" }, ["list", "pending"], ["export", "pending", "out.xlsx"] })
        {
            var run = await CliRun.RunAsync([.. command, "--as-of", text]);
            run.ExitCode.ShouldBe(2);
            run.Error.ShouldContain($"--as-of: '{text}' is not an ISO 8601 date-time with an offset, e.g. 2025-03-27T15:00:00-04:00");
            run.Out.ShouldBeEmpty();
        }
    }

    [Theory]
    [InlineData("2026-1-5")]
    [InlineData("2026-02-30")]
    [InlineData("2026-01-05T00:00:00Z")]
    public async Task The_mandates_as_of_is_a_day(string text)
    {
        var run = await CliRun.RunAsync("mandates", "--as-of", text);
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"--as-of: '{text}' is not a date as YYYY-MM-DD");
    }

    [Theory]
    [InlineData("list", "active")]
    [InlineData("list", "pending", "--model", "287g")]
    [InlineData("list", "pending", "--page-size", "0")]
    [InlineData("list", "pending", "--page-size", "501")]
    [InlineData("export", "everything", "out.xlsx")]
    [InlineData("agreement", "show")]
    [InlineData("frobnicate")]
    public async Task Bad_arguments_are_usage_errors(params string[] args)
    {
        var run = await CliRun.RunAsync(args);
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith("program287g: ");
        run.Out.ShouldBeEmpty();
    }

    [Fact]
    public async Task No_command_is_a_usage_error_and_help_is_not()
    {
        (await CliRun.RunAsync()).ExitCode.ShouldBe(2);
        var help = await CliRun.RunAsync("--help");
        help.ExitCode.ShouldBe(0);
        help.Out.ShouldContain("import");
        help.Out.ShouldContain("--json");
    }

    [Theory]
    [InlineData("localhost:5102")]
    [InlineData("ftp://localhost:5102")]
    [InlineData("not a url")]
    public async Task A_url_that_is_not_http_is_a_usage_error(string url)
    {
        var run = await CliRun.RunAsync("stats", "--url", url, "--token", "t");
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"'{url}' is not an http:// or https:// address");
    }

    [Fact]
    public async Task Without_a_token_or_the_AppHost_s_key_the_tool_says_how_to_get_one()
    {
        var run = await CliRun.RunAsync("stats");
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("no token: pass --token, set PROGRAM287G_TOKEN, or start the AppHost once");
    }

    [Fact]
    public async Task A_service_that_is_not_there_is_a_connection_problem()
    {
        var run = await CliRun.RunAsync("stats", "--url", $"http://127.0.0.1:{Program287g.LocalServers.FreePort.Next()}", "--token", "t");
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("program287g: cannot reach the Agreement service:");
        run.Out.ShouldBeEmpty();
    }
}
