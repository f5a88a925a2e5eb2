using Grpc.Core;
using Program287g.Agency.V1;
using Program287g.ServiceDefaults.Errors;

namespace Program287g.Notification.Grpc;

/// <summary>The Agency service, as an inquiry about an agency asks it: does the agency exist, and what is it called?</summary>
public sealed class AgencyDirectory(AgencyService.AgencyServiceClient agencies)
{
    /// <summary>The agency's name, or NOT_FOUND naming it; UNAVAILABLE passes through when the Agency service cannot answer.</summary>
    public async Task<string> NameOfAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await agencies.GetAgencyAsync(new GetAgencyRequest { AgencyId = agencyId.ToString() },
                cancellationToken: cancellationToken);
            return response.Agency.Name;
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            throw RpcErrors.NotFound("agency", agencyId.ToString());
        }
    }
}
