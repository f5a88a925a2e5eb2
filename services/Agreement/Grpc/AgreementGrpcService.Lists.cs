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
using StateMandate = Program287g.Agreement.Domain.StateMandate;

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

    [Authorize(Policy = Policies.StaffOrInternal)]
    public override async Task<ListStateMandateGapsResponse> ListStateMandateGaps(ListStateMandateGapsRequest request,
        ServerCallContext context)
    {
        var day = request.AsOf.ToDateOnly() ?? ProgramTime.DateOf(clock.GetUtcNow());
        // Agreements count if in force at the end of the day asked about.
        var endOfDay = ProgramTime.StartOf(day.AddDays(1)).AddTicks(-10);
        var state = string.IsNullOrWhiteSpace(request.State) ? null : UsStates.ToCode(request.State);
        var response = new ListStateMandateGapsResponse { AsOf = AgreementMapping.ToProto(day) };
        foreach (var mandate in StateMandates.InForce(day, state))
        {
            var mandateMessage = ToMessage(mandate);
            response.Mandates.Add(mandateMessage);
            var covered = new List<Agency.V1.Agency>();
            await foreach (var agency in directory.ListInStateAsync(mandate.State, context.CancellationToken))
            {
                if (mandate.AppliesTo(agency.Kind.ToString(), agency.Type.ToString()))
                {
                    covered.Add(agency);
                }
            }
            var open = await queries.OpenAgreementsAsync(covered.Select(a => Guid.Parse(a.AgencyId)).ToList(), endOfDay,
                context.CancellationToken);
            var satisfying = mandate.SatisfyingModels.Select(m => m.Code()).ToHashSet();
            foreach (var agency in covered)
            {
                var mine = open.Where(o => o.AgencyId == Guid.Parse(agency.AgencyId) && satisfying.Contains(o.Model)).ToList();
                if (mine.Any(o => o.Status == AgreementStatus.Active.Key()))
                {
                    continue;
                }
                var gap = new MandateGap { Mandate = mandateMessage, Agency = agency.ToSnapshot().ToSummary() };
                gap.PendingAgreementIds.AddRange(mine.Select(o => o.AgreementId.ToString()));
                response.Gaps.Add(gap);
            }
        }
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

    private static V1.StateMandate ToMessage(StateMandate mandate)
    {
        var message = new V1.StateMandate
        {
            State = mandate.State, Law = mandate.Law, Requirement = mandate.Requirement,
            InForceFrom = AgreementMapping.ToProto(mandate.InForceFrom),
            ComplyBy = mandate.ComplyBy is { } comply ? AgreementMapping.ToProto(comply) : null,
        };
        message.Models.AddRange(mandate.SatisfyingModels.Select(AgreementMapping.ToProto));
        return message;
    }
}

/// <summary>Where a listing's next page starts, and the moment its first page pinned: every page of one listing
/// describes the same instant.</summary>
internal sealed record ListPosition(ListCursor Cursor, DateTimeOffset AsOf);
