extern alias Cli;

using System.Text.Json;
using Cli::Program287g.Agreement.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Program287g.UnitTests.Cli;

public class ExportCommandTests
{
    [Fact]
    public async Task The_streamed_chunks_become_the_file_and_nothing_else_is_left_beside_it()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i % 251)).ToArray();
        server.Service.Export = async (_, responses) =>
        {
            await responses.WriteAsync(Header());
            foreach (var chunk in bytes.Chunk(70_000))
            {
                await responses.WriteAsync(new ExportIceListResponse { Chunk = ByteString.CopyFrom(chunk) });
            }
        };
        var folder = Directory.CreateTempSubdirectory().FullName;
        var target = Path.Combine(folder, "participating.xlsx");

        var run = await CliRun.AgainstAsync(server, "export", "participating", target, "--as-of", "2025-03-27T15:00:00-04:00", "--json");

        run.ExitCode.ShouldBe(0, run.Error);
        (await File.ReadAllBytesAsync(target)).ShouldBe(bytes);
        Directory.GetFiles(folder).ShouldBe([target]);
        var request = server.Service.Received<ExportIceListRequest>().ShouldHaveSingleItem();
        request.Kind.ShouldBe(IceListKind.Participating);
        request.AsOf.ShouldBe(Samples.AsOf);
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("kind").GetString().ShouldBe("PARTICIPATING");
        json.RootElement.GetProperty("path").GetString().ShouldBe(target);
        json.RootElement.GetProperty("bytes").GetInt64().ShouldBe(200_000);
        json.RootElement.GetProperty("fileName").GetString().ShouldBe("participatingAgencies_2025-03-27.xlsx");
        json.RootElement.GetProperty("asOf").GetString().ShouldBe("2025-03-27T19:00:00Z");
        json.RootElement.GetProperty("rows").GetInt32().ShouldBe(412);
    }

    [Fact]
    public async Task People_are_told_the_rows_the_moment_and_where_the_file_went()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        server.Service.Export = async (_, responses) =>
        {
            await responses.WriteAsync(Header());
            await responses.WriteAsync(new ExportIceListResponse { Chunk = ByteString.CopyFrom(new byte[2048]) });
        };
        var target = Path.Combine(Directory.CreateTempSubdirectory().FullName, "pending.xlsx");

        var run = await CliRun.AgainstAsync(server, "export", "pending", target);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldStartWith("Wrote the pending list as of ");
        run.Out.ShouldContain($": 412 rows, 2 KiB, to {target}");
    }

    [Fact]
    public async Task A_download_that_fails_halfway_leaves_no_half_file_and_keeps_the_old_one()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        server.Service.Export = async (_, responses) =>
        {
            await responses.WriteAsync(Header());
            await responses.WriteAsync(new ExportIceListResponse { Chunk = ByteString.CopyFrom(new byte[70_000]) });
            throw new RpcException(new Status(StatusCode.Unavailable, "database went away"));
        };
        var folder = Directory.CreateTempSubdirectory().FullName;
        var target = Path.Combine(folder, "participating.xlsx");
        await File.WriteAllTextAsync(target, "yesterday's export");

        var run = await CliRun.AgainstAsync(server, "export", "participating", target);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("UNAVAILABLE: database went away");
        Directory.GetFiles(folder).ShouldBe([target]);
        (await File.ReadAllTextAsync(target)).ShouldBe("yesterday's export");
    }

    private static ExportIceListResponse Header() => new()
    {
        Header = new ExportHeader { FileName = "participatingAgencies_2025-03-27.xlsx", AsOf = Samples.AsOf, Rows = 412 },
    };
}
