using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Program287g.Agreement.Data;
using Program287g.Agreement.Domain;
using Program287g.Agreement.V1;
using Program287g.ServiceDefaults.Grpc;
using Program287g.Domain;
using Program287g.ServiceDefaults.Auth;
using AgreementStatus = Program287g.Agreement.Domain.AgreementStatus;

namespace Program287g.Agreement.Grpc;

/// <summary>ICE's lists and figures, for any moment.</summary>
public sealed partial class AgreementGrpcService
{
    private const int DefaultPageSize = 50;

    [Authorize(Policy = Policies.StaffOrInternal)]
    public override async Task<ListParticipatingAgreementsResponse> ListParticipatingAgreements(
        ListParticipatingAgreementsRequest request, ServerCallContext context)
    {
        var (rows, next, asOf) = await PageAsync(AgreementStatus.Active, request.Model, request.State, request.AsOf,
            request.PageSize, request.PageToken, context);
        var response = new ListParticipatingAgreementsResponse { NextPageToken = next, AsOf = asOf };
        response.Agreements.AddRange(rows);
        return response;
    }

    [Authorize(Policy = Policies.StaffOrInternal)]
    public override async Task<ListPendingApplicationsResponse> ListPendingApplications(
        ListPendingApplicationsRequest request, ServerCallContext context)
    {
        var (rows, next, asOf) = await PageAsync(AgreementStatus.Pending, request.Model, request.State, request.AsOf,
            request.PageSize, request.PageToken, context);
        var response = new ListPendingApplicationsResponse { NextPageToken = next, AsOf = asOf };
        response.Applications.AddRange(rows);
        return response;
    }

    [Authorize(Policy = Policies.StaffOrInternal)]
    public override async Task<GetStatisticsResponse> GetStatistics(GetStatisticsRequest request, ServerCallContext context)
    {
        var asOf = request.AsOf?.ToDateTimeOffset() ?? clock.GetUtcNow();
        var statistics = ProgramStatistics.From(await queries.CountsAsync(asOf, context.CancellationToken));
        var response = new GetStatisticsResponse
        {
            AsOf = Timestamp.FromDateTimeOffset(asOf),
            TotalAgreements = statistics.TotalAgreements,
            TotalAgencies = statistics.TotalAgencies,
            TotalStates = statistics.TotalStates,
            TotalPendingApplications = statistics.TotalPending,
        };
        response.Models.AddRange(statistics.Models.Select(m => new ModelStatistics
        {
            Model = AgreementMapping.ToProto(m.Model), Agreements = m.Agreements, Agencies = m.Agencies, States = m.States,
            PendingApplications = m.Pending, SuspendedAgreements = m.Suspended,
        }));
        response.SummaryLines.AddRange(statistics.SummaryLines());
        response.States.AddRange(statistics.States.Select(s => new StateStatistics
        {
            State = s.State, JemAgreements = s.Agreements[ProgramModel.JailEnforcement],
            TfmAgreements = s.Agreements[ProgramModel.TaskForce], WsoAgreements = s.Agreements[ProgramModel.WarrantServiceOfficer],
            Agencies = s.Agencies, PendingApplications = s.Pending,
        }));
        return response;
    }

    private async Task<(IEnumerable<V1.Agreement> Rows, string NextToken, Timestamp AsOf)> PageAsync(AgreementStatus status,
        Model model, string stateFilter, Timestamp? requestedAsOf, int pageSize, string pageToken, ServerCallContext context)
    {
        var modelCode = AgreementMapping.ToDomain(model)?.Code();
        var state = string.IsNullOrWhiteSpace(stateFilter) ? null : UsStates.ToCode(stateFilter);
        var filterKey = $"{status.Key()}|{modelCode}|{state}|{requestedAsOf?.ToDateTimeOffset():O}";
        var resumed = PageTokens.Decode<ListPosition>(pageToken, filterKey, position => position.Cursor is { State: not null, SortName: not null,
            Model: not null } cursor && !$"{cursor.State}{cursor.SortName}{cursor.Model}".Contains('\0'));
        var asOf = resumed?.AsOf ?? requestedAsOf?.ToDateTimeOffset() ?? clock.GetUtcNow();
        var size = pageSize == 0 ? DefaultPageSize : pageSize;
        var rows = await queries.ListAsync(status, asOf, modelCode, state, resumed?.Cursor, size + 1, context.CancellationToken);
        var next = "";
        if (rows.Count > size)
        {
            var last = rows[size - 1];
            next = PageTokens.Encode(new ListPosition(new ListCursor(last.State, last.AgencySortName, last.Model, last.Id), asOf), filterKey);
        }
        return (rows.Take(size).Select(row => row.ToMessage()), next, Timestamp.FromDateTimeOffset(asOf));
    }
}

/// <summary>Where a listing's next page starts, and the moment its first page pinned: every page of one listing
/// describes the same instant.</summary>
internal sealed record ListPosition(ListCursor Cursor, DateTimeOffset AsOf);
