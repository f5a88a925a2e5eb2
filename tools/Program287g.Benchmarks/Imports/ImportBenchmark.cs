using System.Diagnostics;
using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Program287g.Agreement.V1;
using Program287g.Benchmarks.Writes;
using Program287g.Testing;

namespace Program287g.Benchmarks.Imports;

/// <summary>ICE's participating list of 18 July 2025 (832 rows) imported through the real Agreement service's
/// ImportIceList, which resolves its agencies through the real Agency service: the time from the first chunk sent to
/// the outcome, on empty databases, then the same file again (which changes nothing). Returns 1 when a run fails or
/// ICE's files are not beside the repository (../shared/data/287g).</summary>
public static class ImportBenchmark
{
    public const string File = "participatingAgencies_2025-07-18.xlsx";
    private const int ChunkBytes = 64 * 1024;

    public static async Task<int> RunAsync()
    {
        if (RealIceData.Folder is null)
        {
            Console.WriteLine($"!!! ICE's lists are not here (../shared/data/287g beside the repository): {File} cannot be imported.");
            return 1;
        }
        await using var servers = await BenchmarkServers.StartAsync();
        await using var real = await RealServices.StartAsync(servers);
        using var channel = WritesBenchmark.Channel(real.AgreementAddress);
        var agreements = new AgreementService.AgreementServiceClient(channel);
        var bearer = new Metadata { { "Authorization", $"Bearer {real.StaffToken}" } };
        var report = new Report("import benchmark", $"{File} through ImportIceList, {ChunkBytes / 1024} KiB chunks", servers.Mode.ToString());
        report.Start();
        var bytes = await System.IO.File.ReadAllBytesAsync(RealIceData.PathOf(File));
        Console.WriteLine("| import | rows | agreements created | agencies registered | unchanged | problems | seconds |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|");
        foreach (var pass in new[] { "first, empty databases", "again, nothing to change" })
        {
            var clock = Stopwatch.StartNew();
            var outcome = await ImportAsync(agreements, bearer, bytes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {pass} | {outcome.RowsRead} | {outcome.AgreementsCreated} | {outcome.AgenciesRegistered} | {outcome.Unchanged} | {outcome.Problems.Count} | {clock.Elapsed.TotalSeconds:0.0} |"));
        }
        Console.WriteLine();
        return report.Finish([]);
    }

    /// <summary>The header, the file in chunks, then the service's progress and outcome, as program287g import sends it.</summary>
    private static async Task<ImportOutcome> ImportAsync(AgreementService.AgreementServiceClient agreements, Metadata bearer, byte[] file)
    {
        using var call = agreements.ImportIceList(bearer);
        await call.RequestStream.WriteAsync(new ImportIceListRequest
        {
            Header = new ImportHeader { Kind = IceListKind.Participating, FileName = File },
        });
        for (var offset = 0; offset < file.Length; offset += ChunkBytes)
        {
            await call.RequestStream.WriteAsync(new ImportIceListRequest { Chunk = ByteString.CopyFrom(file, offset, Math.Min(ChunkBytes, file.Length - offset)) });
        }
        await call.RequestStream.CompleteAsync();
        ImportOutcome? outcome = null;
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            outcome = message.PartCase == ImportIceListResponse.PartOneofCase.Outcome ? message.Outcome : outcome;
        }
        return outcome ?? throw new InvalidOperationException("The import ended without an outcome.");
    }
}
