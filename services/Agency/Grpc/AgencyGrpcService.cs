using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Program287g.Agency.Data;
using Program287g.Agency.V1;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Errors;

namespace Program287g.Agency.Grpc;

public sealed class AgencyGrpcService(AgencyRepository agencies, TimeProvider clock) : AgencyService.AgencyServiceBase
{
    [Authorize(Policy = Policies.StaffOrInternal)]
    public override async Task<RegisterAgencyResponse> RegisterAgency(RegisterAgencyRequest request, ServerCallContext context)
    {
        var now = clock.GetUtcNow();
        var (agency, created) = await agencies.RegisterAsync(request.ToRecord(now.UtcDateTime), now, context.CancellationToken);
        if (!created)
        {
            throw RpcErrors.AlreadyExists("agency", agency.Id.ToString(),
                $"'{agency.Name}' ({agency.State}) is already registered as agency {agency.Id}.");
        }
        return new RegisterAgencyResponse { Agency = agency.ToMessage() };
    }

    public override async Task<GetAgencyResponse> GetAgency(GetAgencyRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.AgencyId, out var id))
        {
            throw RpcErrors.InvalidArgument("agency_id", "'agency_id' must be a UUID.");
        }
        Caller.From(context).EnsureMayActFor(id.ToString());
        var agency = await agencies.FindAsync(id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("agency", request.AgencyId);
        return new GetAgencyResponse { Agency = agency.ToMessage() };
    }
}
