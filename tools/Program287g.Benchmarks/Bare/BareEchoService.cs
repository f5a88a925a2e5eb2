using Grpc.Core;
using Program287g.Agency.V1;
using Program287g.Agreement.V1;

namespace Program287g.Benchmarks.Bare;

/// <summary>The responses the echo gives: the real services' own, captured once before a run.</summary>
public sealed class EchoResponses
{
    public GetAgencyResponse Agency { get; set; } = new();
    public GetStatisticsResponse Statistics { get; set; } = new();
}

/// <summary>gRPC and nothing else: no auth, no validation, no database, no tracing. What a read could cost at least.</summary>
public sealed class BareEchoService(EchoResponses responses) : BareEcho.BareEchoBase
{
    public override Task<GetAgencyResponse> GetAgency(GetAgencyRequest request, ServerCallContext context) =>
        Task.FromResult(responses.Agency);

    public override Task<GetStatisticsResponse> GetStatistics(GetStatisticsRequest request, ServerCallContext context) =>
        Task.FromResult(responses.Statistics);
}
