extern alias Cli;

using System.Collections.Concurrent;
using Cli::Program287g.Agreement.V1;
using Grpc.Core;

namespace Program287g.UnitTests.Cli;

/// <summary>Answers with what a test sets and remembers what it was asked; an RPC nobody set is UNIMPLEMENTED.</summary>
public sealed class FakeAgreementService : AgreementService.AgreementServiceBase
{
    public ConcurrentQueue<object> Requests { get; } = new();

    public ConcurrentQueue<string> Authorizations { get; } = new();

    public Func<IAsyncStreamReader<ImportIceListRequest>, IServerStreamWriter<ImportIceListResponse>, Task>? Import { get; set; }

    public Func<ExportIceListRequest, IServerStreamWriter<ExportIceListResponse>, Task>? Export { get; set; }

    public Func<GetStatisticsRequest, GetStatisticsResponse>? Statistics { get; set; }

    public Func<ListParticipatingAgreementsRequest, ListParticipatingAgreementsResponse>? Participating { get; set; }

    public Func<ListPendingApplicationsRequest, ListPendingApplicationsResponse>? Pending { get; set; }

    public Func<ListStateMandateGapsRequest, ListStateMandateGapsResponse>? MandateGaps { get; set; }

    public Func<GetAgreementRequest, GetAgreementResponse>? Agreement { get; set; }

    public Func<GetAgreementHistoryRequest, GetAgreementHistoryResponse>? History { get; set; }

    public Func<DownloadDocumentRequest, IServerStreamWriter<DownloadDocumentResponse>, Task>? Download { get; set; }

    public T[] Received<T>() => [.. Requests.OfType<T>()];

    public override Task ImportIceList(IAsyncStreamReader<ImportIceListRequest> requestStream,
        IServerStreamWriter<ImportIceListResponse> responseStream, ServerCallContext context)
    {
        Remember(context);
        return (Import ?? throw Unimplemented())(requestStream, responseStream);
    }

    public override Task ExportIceList(ExportIceListRequest request, IServerStreamWriter<ExportIceListResponse> responseStream,
        ServerCallContext context) =>
        (Export ?? throw Unimplemented())(Remember(request, context), responseStream);

    public override Task DownloadDocument(DownloadDocumentRequest request,
        IServerStreamWriter<DownloadDocumentResponse> responseStream, ServerCallContext context) =>
        (Download ?? throw Unimplemented())(Remember(request, context), responseStream);

    public override Task<GetStatisticsResponse> GetStatistics(GetStatisticsRequest request, ServerCallContext context) =>
        Answer(Statistics, request, context);

    public override Task<ListParticipatingAgreementsResponse> ListParticipatingAgreements(
        ListParticipatingAgreementsRequest request, ServerCallContext context) => Answer(Participating, request, context);

    public override Task<ListPendingApplicationsResponse> ListPendingApplications(ListPendingApplicationsRequest request,
        ServerCallContext context) => Answer(Pending, request, context);

    public override Task<ListStateMandateGapsResponse> ListStateMandateGaps(ListStateMandateGapsRequest request,
        ServerCallContext context) => Answer(MandateGaps, request, context);

    public override Task<GetAgreementResponse> GetAgreement(GetAgreementRequest request, ServerCallContext context) =>
        Answer(Agreement, request, context);

    public override Task<GetAgreementHistoryResponse> GetAgreementHistory(GetAgreementHistoryRequest request,
        ServerCallContext context) => Answer(History, request, context);

    private Task<TResponse> Answer<TRequest, TResponse>(Func<TRequest, TResponse>? answer, TRequest request,
        ServerCallContext context) where TRequest : notnull =>
        Task.FromResult((answer ?? throw Unimplemented())(Remember(request, context)));

    private T Remember<T>(T request, ServerCallContext context) where T : notnull
    {
        Remember(context);
        Requests.Enqueue(request);
        return request;
    }

    private void Remember(ServerCallContext context) =>
        Authorizations.Enqueue(context.RequestHeaders.GetValue("authorization") ?? "");

    private static RpcException Unimplemented() => new(new Status(StatusCode.Unimplemented, "not set by the test"));
}
