using System.Globalization;
using Grpc.Core;
using Program287g.Agreement.V1;
using Program287g.Benchmarks.Writes;

namespace Program287g.Benchmarks.Stats;

/// <summary>GetStatistics through the real Agreement service (everything on) at 1,000, 100,000 and 1,000,000 agreements,
/// each larger size reached by adding to the one before: "now" asked again and again (after the first call, from the
/// window kept in memory), and a different moment of the eight seeded years at every call (each read from the ledger:
/// the moments fall in windows not kept).</summary>
public static class StatisticsBenchmark
{
    private static readonly int[] Sizes = [1_000, 100_000, 1_000_000];

    /// <summary>Seeded in slices of this many: a million rows in one statement is one long transaction.</summary>
    private const int SeedSlice = 100_000;

    public static async Task<int> RunAsync(LoadShape shape)
    {
        await using var servers = await BenchmarkServers.StartAsync();
        await using var real = await RealServices.StartAsync(servers);
        using var channel = WritesBenchmark.Channel(real.AgreementAddress);
        var agreements = new AgreementService.AgreementServiceClient(channel);
        var bearer = new Metadata { { "Authorization", $"Bearer {real.StaffToken}" } };
        var report = new Report("statistics benchmark", Report.Describe(shape), servers.Mode.ToString());
        report.Start();

        var measurements = new List<Measurement>();
        var seeded = 0;
        foreach (var size in Sizes)
        {
            for (; seeded < size; seeded = Math.Min(size, seeded + SeedSlice))
            {
                await StatisticsSeed.AddAsync(real.AgreementDatabase, seeded, Math.Min(size, seeded + SeedSlice));
            }
            var (entries, months) = await StatisticsSeed.LedgerSizeAsync(real.AgreementDatabase);
            var figures = await agreements.GetStatisticsAsync(new GetStatisticsRequest(), bearer);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size:N0} agreements: {entries:N0} ledger entries, {months:N0} monthly rows; GetStatistics says "
                + $"{figures.TotalAgreements:N0} active + {figures.TotalPendingApplications:N0} pending, {figures.TotalAgencies:N0} agencies in {figures.TotalStates} states"));
            measurements.Add(await LoadRunner.RunAsync(string.Create(CultureInfo.InvariantCulture, $"GetStatistics now, {size:N0} agreements"),
                shape, _ => () => agreements.GetStatisticsAsync(new GetStatisticsRequest(), bearer).ResponseAsync));
            var now = DateTimeOffset.UtcNow;
            measurements.Add(await LoadRunner.RunAsync(
                string.Create(CultureInfo.InvariantCulture, $"GetStatistics as of a new moment, {size:N0} agreements"), shape, index =>
                {
                    var moment = now - TimeSpan.FromDays(index * 37 % 2900) - TimeSpan.FromSeconds(index);
                    var request = new GetStatisticsRequest { AsOf = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(moment) };
                    return () => agreements.GetStatisticsAsync(request, bearer).ResponseAsync;
                }));
        }
        Console.WriteLine();
        Report.Table(measurements);
        return report.Finish(measurements);
    }
}
