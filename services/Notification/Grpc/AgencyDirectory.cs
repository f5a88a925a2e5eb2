using Grpc.Core;
using Program287g.Agency.V1;
using Program287g.ServiceDefaults.Errors;

namespace Program287g.Notification.Grpc;

/// <summary>The agency an email's sender belongs to, or why none can be told.</summary>
public sealed record SenderAgency(Guid? AgencyId, string? Name, string Reason);

/// <summary>The Agency service, as an inquiry about an agency, and the mailbox's sender, ask it.</summary>
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

    /// <summary>The one agency whose point of contact has the address; else the one whose point of contact writes from
    /// its domain. More than one, or none, is for a person to decide. An Agency service that cannot answer throws.</summary>
    public async Task<SenderAgency> ForSenderAsync(string address, CancellationToken cancellationToken)
    {
        var found = await agencies.FindAgenciesByEmailAsync(new FindAgenciesByEmailRequest { Email = address },
            cancellationToken: cancellationToken);
        return (found.SameAddress.Count, found.SameDomain.Count) switch
        {
            (1, _) => Found(found.SameAddress[0], $"{address} is the point of contact of {found.SameAddress[0].Name}"),
            (> 1, _) => new(null, null, $"{found.SameAddress.Count} agencies have {address} as their point of contact"),
            _ when found.FreeMailDomain => new(null, null, $"{found.Domain} is a free-mail domain and {address} is no agency's point of contact"),
            (0, 1) => Found(found.SameDomain[0], $"{found.SameDomain[0].Name}'s point of contact writes from {found.Domain}"),
            (0, 0) => new(null, null, $"no agency's point of contact writes from {address} or from {found.Domain}"),
            _ => new(null, null, $"{found.SameDomain.Count} agencies' points of contact write from {found.Domain}"),
        };
    }

    private static SenderAgency Found(Agency.V1.Agency agency, string reason) => new(Guid.Parse(agency.AgencyId), agency.Name, reason);
}
