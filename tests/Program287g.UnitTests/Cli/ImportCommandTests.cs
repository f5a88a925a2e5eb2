extern alias Cli;

using System.Text.Json;
using Cli::Program287g.Agreement.V1;
using Cli::Program287g.Cli.Commands;
using Cli::Program287g.Cli.Output;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Program287g.ServiceDefaults.Errors;
using Spectre.Console;

namespace Program287g.UnitTests.Cli;

public class ImportCommandTests
{
    private const int FileSize = 150_000;

    private static readonly ImportOutcome Outcome = new()
    {
        Kind = IceListKind.Participating,
        AsOf = Samples.AsOf,
        RowsRead = 3,
        AgenciesRegistered = 1,
        AgenciesMatched = 2,
        AgreementsCreated = 1,
        RenewalsRecognised = 1,
        Unchanged = 1,
        Problems = { new RowProblem { Row = 4, Column = "SIGNED", Reason = "not a date", Value = "05/082025" } },
    };

    [Fact]
    public async Task The_file_goes_up_as_a_header_then_64_KiB_chunks_and_the_outcome_comes_back_as_json()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        var received = ReceiveAllThenAnswer(server, Outcome);
        var (file, bytes) = await SampleFileAsync("participatingAgencies_2025-03-27.xlsx");

        var run = await CliRun.AgainstAsync(server, "import", file, "--as-of", "2025-03-27T15:00:00-04:00", "--json");

        run.ExitCode.ShouldBe(0, run.Error);
        var requests = received.ToArray();
        requests[0].Header.ShouldBe(new ImportHeader
        {
            Kind = IceListKind.Participating,
            AsOf = Timestamp.FromDateTimeOffset(DateTimeOffset.Parse("2025-03-27T19:00:00Z", System.Globalization.CultureInfo.InvariantCulture)),
            FileName = "participatingAgencies_2025-03-27.xlsx",
        });
        requests.Skip(1).Select(r => r.Chunk.Length).ShouldBe([65_536, 65_536, FileSize - 2 * 65_536]);
        requests.Skip(1).SelectMany(r => r.Chunk.ToByteArray()).ShouldBe(bytes);
        server.Service.Authorizations.ShouldAllBe(header => header == "Bearer test-token");

        run.Error.ShouldBeEmpty();
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        root.GetProperty("kind").GetString().ShouldBe("PARTICIPATING");
        root.GetProperty("asOf").GetString().ShouldBe("2025-03-27T19:00:00Z");
        root.GetProperty("rowsRead").GetInt32().ShouldBe(3);
        root.GetProperty("agenciesRegistered").GetInt32().ShouldBe(1);
        root.GetProperty("applicationsSigned").GetInt32().ShouldBe(0);
        var problem = root.GetProperty("problems").EnumerateArray().ShouldHaveSingleItem();
        problem.GetProperty("row").GetInt32().ShouldBe(4);
        problem.GetProperty("column").GetString().ShouldBe("SIGNED");
        problem.GetProperty("reason").GetString().ShouldBe("not a date");
        problem.GetProperty("value").GetString().ShouldBe("05/082025");
    }

    [Fact]
    public async Task Kind_overrides_the_file_name_and_an_unset_as_of_stays_unset()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        var received = ReceiveAllThenAnswer(server, Outcome);
        var (file, _) = await SampleFileAsync("participatingAgencies_2025-03-27.xlsx");

        (await CliRun.AgainstAsync(server, "import", file, "--kind", "Pending", "--json")).ExitCode.ShouldBe(0);

        var header = received.First().Header;
        header.Kind.ShouldBe(IceListKind.Pending);
        header.AsOf.ShouldBeNull();
    }

    [Fact]
    public async Task Progress_reports_the_bytes_sent_and_the_service_s_rows()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        ReceiveAllThenAnswer(server, Outcome);
        var (file, _) = await SampleFileAsync("pendingAgencies.xlsx");
        using var channel = GrpcChannel.ForAddress(server.Url);
        var progress = new RecordingProgress();

        var outcome = await ImportCommand.UploadAsync(new AgreementService.AgreementServiceClient(channel),
            new ImportCommand.Options(file, IceListKind.Pending, null), progress, CancellationToken.None);

        outcome.ShouldBe(Outcome);
        progress.Events.ShouldBe([
            "uploaded 0/150000", "uploaded 65536/150000", "uploaded 131072/150000", "uploaded 150000/150000",
            "imported 0/3", "imported 2/3", "imported 3/3", "finished",
        ]);
    }

    [Fact]
    public async Task People_see_the_counts_and_the_problems_as_tables()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        ReceiveAllThenAnswer(server, Outcome);
        var (file, _) = await SampleFileAsync("participatingAgencies_2025-03-27.xlsx");

        var run = await CliRun.AgainstAsync(server, "import", file);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldNotContain("program287g:");
        (run.Out + run.Error).ShouldNotContain("\u001b[", Case.Sensitive, "no escape codes in redirected output");
        run.Out.ShouldContain("Imported participatingAgencies_2025-03-27.xlsx as the participating list as of");
        run.Out.ShouldMatch(@"agencies registered\s+1\n");
        run.Out.ShouldMatch(@"renewals created\s+0\n");
        run.Out.ShouldMatch(@"renewals recognised\s+1\n");
        run.Out.ShouldMatch(@"│\s+4 │ SIGNED\s+│ not a date\s+│ 05/082025\s+│");
    }

    [Fact]
    public async Task On_a_terminal_progress_bars_show_the_upload_then_the_service_s_rows()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        ReceiveAllThenAnswer(server, Outcome);
        var (file, _) = await SampleFileAsync("pendingAgencies.xlsx");
        using var channel = GrpcChannel.ForAddress(server.Url);
        using var terminal = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(terminal),
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
        });

        await ImportProgressBars.ShowAsync(console, "pendingAgencies.xlsx", progress =>
            ImportCommand.UploadAsync(new AgreementService.AgreementServiceClient(channel),
                new ImportCommand.Options(file, IceListKind.Pending, null), progress, CancellationToken.None));

        var screen = terminal.ToString();
        screen.ShouldContain("Uploading pendingAgencies.xlsx");
        screen.ShouldContain("Importing rows (3 of 3)");
        screen.ShouldContain("100%");
    }

    [Fact]
    public async Task A_refused_header_is_reported_with_its_field_violations_even_while_the_file_is_still_going_up()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        server.Service.Import = (_, _) => throw RpcErrors.InvalidArgument("header.as_of", "must not be in the future");
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "pendingAgencies.xlsx");
        await File.WriteAllBytesAsync(file, new byte[8 * 1024 * 1024]);

        var run = await CliRun.AgainstAsync(server, "import", file, "--json");

        run.ExitCode.ShouldBe(1);
        run.Out.ShouldBeEmpty();
        run.Error.ShouldContain("program287g: the Agreement service refused: INVALID_ARGUMENT: Invalid request: header.as_of.");
        run.Error.ShouldContain("  header.as_of: must not be in the future");
    }

    [Fact]
    public async Task An_import_stream_that_ends_without_an_outcome_is_an_error()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        server.Service.Import = async (requests, _) => await requests.ReadAllAsync().CountAsync();
        var (file, _) = await SampleFileAsync("pendingAgencies.xlsx");

        var run = await CliRun.AgainstAsync(server, "import", file, "--json");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("ended the import without an outcome");
    }

    private static System.Collections.Concurrent.ConcurrentQueue<ImportIceListRequest> ReceiveAllThenAnswer(
        FakeAgreementServer server, ImportOutcome outcome)
    {
        var received = new System.Collections.Concurrent.ConcurrentQueue<ImportIceListRequest>();
        server.Service.Import = async (requests, responses) =>
        {
            await foreach (var request in requests.ReadAllAsync())
            {
                received.Enqueue(request);
            }
            foreach (var done in new[] { 0, 2, 3 })
            {
                await responses.WriteAsync(new ImportIceListResponse { Progress = new ImportProgress { RowsDone = done, RowsTotal = 3 } });
            }
            await responses.WriteAsync(new ImportIceListResponse { Outcome = outcome });
        };
        return received;
    }

    private static async Task<(string Path, byte[] Bytes)> SampleFileAsync(string name)
    {
        var bytes = new byte[FileSize];
        new Random(287).NextBytes(bytes);
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, name);
        await File.WriteAllBytesAsync(path, bytes);
        return (path, bytes);
    }

    private sealed class RecordingProgress : IImportProgress
    {
        public List<string> Events { get; } = [];

        public void Uploaded(long bytesSent, long bytesTotal) => Events.Add($"uploaded {bytesSent}/{bytesTotal}");

        public void Imported(int rowsDone, int rowsTotal) => Events.Add($"imported {rowsDone}/{rowsTotal}");

        public void Finished(ImportOutcome outcome) => Events.Add("finished");
    }
}
