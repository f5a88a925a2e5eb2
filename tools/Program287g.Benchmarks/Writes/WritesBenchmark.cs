using Grpc.Core;
using Grpc.Net.Client;
using Program287g.Agency.V1;
using Program287g.Agreement.V1;
using Program287g.Benchmarks.Bare;
using Program287g.Nominee.V1;

namespace Program287g.Benchmarks.Writes;

/// <summary>The real RegisterAgency, SubmitApplication and NominateOfficer against a bare gRPC + PostgreSQL server doing
/// the same database work, in one process, on one PostgreSQL, one after another, real then bare for each. Returns 1 when
/// any call failed.</summary>
public static class WritesBenchmark
{
    private const int ResolveBatch = 1_000;

    public static async Task<int> RunAsync(LoadShape shape)
    {
        await using var servers = await BenchmarkServers.StartAsync();
        await using var real = await RealServices.StartAsync(servers);
        await using var bare = await BareServer.StartAsync(servers);
        using var agencyChannel = Channel(real.AgencyAddress);
        using var agreementChannel = Channel(real.AgreementAddress);
        using var bareChannel = Channel(bare.Address);
        var agencies = new AgencyService.AgencyServiceClient(agencyChannel);
        var agreements = new AgreementService.AgreementServiceClient(agreementChannel);
        var bareWrites = new BareWrites.BareWritesClient(bareChannel);
        // The bare server ignores the token; it is sent all the same, so that both carry the same bytes.
        var bearer = new Metadata { { "Authorization", $"Bearer {real.StaffToken}" } };
        var run = Guid.NewGuid().ToString("N")[..8];
        var report = new Report("write benchmark", Report.Describe(shape), servers.Mode.ToString());
        report.Start();

        var realRegister = await LoadRunner.RunAsync("RegisterAgency, real", shape, index =>
        {
            var request = WriteRequests.Registration(run, index);
            return () => agencies.RegisterAgencyAsync(request, bearer).ResponseAsync;
        });
        await real.WaitForOutboxesAsync();
        var bareRegister = await LoadRunner.RunAsync("RegisterAgency, bare", shape, index =>
        {
            var request = WriteRequests.Registration(run, index);
            return () => bareWrites.RegisterAgencyAsync(request, bearer).ResponseAsync;
        });

        // One application per agency and model may be open: each call gets an agency of its own. A submission does
        // more than a registration, so the registration rate, with a margin, bounds how many a run can use.
        var realPool = await PreRegisterAsync(agencies, bearer, run, PoolSize(realRegister, shape));
        await real.WaitForOutboxesAsync();
        var barePool = await bare.SeedAgenciesAsync(Math.Max(realPool.Count, PoolSize(bareRegister, shape)), WriteRequests.States);
        var realSubmit = await LoadRunner.RunAsync("SubmitApplication, real", shape, index =>
        {
            if (index >= realPool.Count)
            {
                return null;
            }
            var request = WriteRequests.Application(realPool[(int)index], index);
            return () => agreements.SubmitApplicationAsync(request, bearer).ResponseAsync;
        });
        await real.WaitForOutboxesAsync();
        var bareSubmit = await LoadRunner.RunAsync("SubmitApplication, bare", shape, index =>
        {
            if (index >= barePool.Count)
            {
                return null;
            }
            var request = WriteRequests.Application(barePool[(int)index], index);
            return () => bareWrites.SubmitApplicationAsync(request, bearer).ResponseAsync;
        });

        await real.WaitForOutboxesAsync();

        // Nominations: an agreement takes any number (each officer has a badge of its own), so a few signed ones serve.
        using var nomineeChannel = Channel(real.NomineeAddress);
        var nominees = new NomineeService.NomineeServiceClient(nomineeChannel);
        var realAgreements = await ActiveAgreementsAsync(agencies, agreements, bearer, $"{run}n", NominationAgreements);
        var bareAgreements = await bare.SeedActiveAgreementsAsync(NominationAgreements, WriteRequests.States);
        var realNominate = await LoadRunner.RunAsync("NominateOfficer, real", shape, index =>
        {
            var request = WriteRequests.Nomination(realAgreements, index);
            return () => nominees.NominateOfficerAsync(request, bearer).ResponseAsync;
        });
        await real.WaitForOutboxesAsync();
        var bareNominate = await LoadRunner.RunAsync("NominateOfficer, bare", shape, index =>
        {
            var request = WriteRequests.Nomination(bareAgreements, index);
            return () => bareWrites.NominateOfficerAsync(request, bearer).ResponseAsync;
        });

        Measurement[] all = [realRegister, bareRegister, realSubmit, bareSubmit, realNominate, bareNominate];
        Report.Table(all);
        Report.Ratios([(realRegister, bareRegister), (realSubmit, bareSubmit), (realNominate, bareNominate)]);
        return report.Finish(all);
    }

    private const int NominationAgreements = 64;

    /// <summary>Agencies with a signed JEM agreement each, made through the real APIs.</summary>
    private static async Task<IReadOnlyList<(string AgencyId, string AgreementId)>> ActiveAgreementsAsync(
        AgencyService.AgencyServiceClient agencies, AgreementService.AgreementServiceClient agreements, Metadata bearer, string run, int count)
    {
        var listed = await agencies.ResolveAgenciesAsync(WriteRequests.Listed(run, 0, count), bearer);
        var pairs = new List<(string, string)>(count);
        foreach (var resolved in listed.Agencies)
        {
            var application = WriteRequests.Application(resolved.Agency.AgencyId, 0);
            var pending = (await agreements.SubmitApplicationAsync(application, bearer)).Agreement;
            var signed = (await agreements.SignAgreementAsync(new SignAgreementRequest
            {
                AgreementId = pending.AgreementId,
                IceSignature = new Signature { SignerName = "Ana Official", SignerTitle = "Field Office Director", SignedOn = application.Moa.SignedOn },
            }, bearer)).Agreement;
            pairs.Add((resolved.Agency.AgencyId, signed.AgreementId));
        }
        return pairs;
    }

    /// <summary>A channel as an outside client without tracing has: no trace context goes out, so the services
    /// start (and sample) their own traces as they would for such a client.</summary>
    public static GrpcChannel Channel(Uri address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, ActivityHeadersPropagator = null },
    });

    private static int PoolSize(Measurement registrations, LoadShape shape)
    {
        var calls = registrations.PerSecond * (shape.WarmUp + shape.Duration).TotalSeconds * 1.5;
        return Math.Max(2, (int)Math.Ceiling(calls / ResolveBatch)) * ResolveBatch;
    }

    /// <summary>Registers agencies through ResolveAgencies, a thousand per call, before the run.</summary>
    private static async Task<IReadOnlyList<string>> PreRegisterAsync(AgencyService.AgencyServiceClient agencies, Metadata bearer,
        string run, int count)
    {
        var ids = new List<string>(count);
        for (var from = 0; from < count; from += ResolveBatch)
        {
            var response = await agencies.ResolveAgenciesAsync(WriteRequests.Listed(run, from, ResolveBatch), bearer);
            ids.AddRange(response.Agencies.Select(resolved => resolved.Agency.AgencyId));
        }
        return ids;
    }
}
