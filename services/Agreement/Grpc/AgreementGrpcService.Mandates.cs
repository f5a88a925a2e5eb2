using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Program287g.Agreement.V1;
using Program287g.Audit;
using Program287g.Domain;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Grpc;

namespace Program287g.Agreement.Grpc;

/// <summary>State mandates: the gaps, and each state's list of the agencies its law covers (MandateGapFinder).</summary>
public sealed partial class AgreementGrpcService
{
    [Authorize(Policy = Policies.StaffOrInternal)]
    public override Task<ListStateMandateGapsResponse> ListStateMandateGaps(ListStateMandateGapsRequest request,
        ServerCallContext context)
    {
        var day = request.AsOf.ToDateOnly() ?? ProgramTime.DateOf(clock.GetUtcNow());
        var state = string.IsNullOrWhiteSpace(request.State) ? null : UsStates.ToCode(request.State);
        return mandates.FindAsync(day, state, context.CancellationToken);
    }

    [Authorize(Policy = Policies.ProgramStaff)]
    public override Task<ReplaceCoveredAgenciesResponse> ReplaceCoveredAgencies(ReplaceCoveredAgenciesRequest request,
        ServerCallContext context) =>
        mandates.ReplaceAsync(UsStates.ToCode(request.State)!, [.. request.Agencies.Select(MandateMapping.ToEntry)], clock.GetUtcNow(),
            AuditActor.From(context), context.CancellationToken);

    [Authorize(Policy = Policies.StaffOrInternal)]
    public override Task<ListCoveredAgenciesResponse> ListCoveredAgencies(ListCoveredAgenciesRequest request, ServerCallContext context) =>
        mandates.ListAsync(UsStates.ToCode(request.State)!, context.CancellationToken);
}
