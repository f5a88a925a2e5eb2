using Grpc.Core;
using Program287g.Agency.V1;
using Program287g.Agreement.V1;
using Program287g.Benchmarks.Bare;
using Program287g.Benchmarks.Writes;

namespace Program287g.Benchmarks.Reads;

/// <summary>The real GetAgency and GetStatistics (everything on: auth, validation, tracing, the database) against a bare
/// gRPC echo that answers the very same response bytes with nothing behind it, in one process, one after another.
/// Returns 1 when any call failed.</summary>
public static class ReadsBenchmark
{
    public static async Task<int> RunAsync(LoadShape shape)
    {
        await using var servers = await BenchmarkServers.StartAsync();
        await using var real = await RealServices.StartAsync(servers);
        await using var bare = await BareServer.StartAsync(servers);
        using var agencyChannel = WritesBenchmark.Channel(real.AgencyAddress);
        using var agreementChannel = WritesBenchmark.Channel(real.AgreementAddress);
        using var bareChannel = WritesBenchmark.Channel(bare.Address);
        var agencies = new AgencyService.AgencyServiceClient(agencyChannel);
        var agreements = new AgreementService.AgreementServiceClient(agreementChannel);
        var echo = new BareEcho.BareEchoClient(bareChannel);
        var bearer = new Metadata { { "Authorization", $"Bearer {real.StaffToken}" } };
        var report = new Report("read benchmark", Report.Describe(shape), servers.Mode.ToString());
        report.Start();

        var agency = (await agencies.RegisterAgencyAsync(WriteRequests.Registration(Guid.NewGuid().ToString("N")[..8], 0), bearer)).Agency;
        var getAgency = new GetAgencyRequest { AgencyId = agency.AgencyId };
        bare.Echo.Agency = await agencies.GetAgencyAsync(getAgency, bearer);
        bare.Echo.Statistics = await agreements.GetStatisticsAsync(new GetStatisticsRequest(), bearer);
        await real.WaitForOutboxesAsync();

        var realAgency = await LoadRunner.RunAsync("GetAgency, real", shape, _ => () => agencies.GetAgencyAsync(getAgency, bearer).ResponseAsync);
        var echoAgency = await LoadRunner.RunAsync("GetAgency, bare echo", shape, _ => () => echo.GetAgencyAsync(getAgency, bearer).ResponseAsync);
        var realStatistics = await LoadRunner.RunAsync("GetStatistics, real", shape,
            _ => () => agreements.GetStatisticsAsync(new GetStatisticsRequest(), bearer).ResponseAsync);
        var echoStatistics = await LoadRunner.RunAsync("GetStatistics, bare echo", shape,
            _ => () => echo.GetStatisticsAsync(new GetStatisticsRequest(), bearer).ResponseAsync);

        Measurement[] all = [realAgency, echoAgency, realStatistics, echoStatistics];
        Report.Table(all);
        Report.Ratios([(realAgency, echoAgency), (realStatistics, echoStatistics)]);
        return report.Finish(all);
    }
}
