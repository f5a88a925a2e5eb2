using System.Security.Claims;
using Grpc.Core;

namespace Program287g.ServiceDefaults.Auth;

/// <summary>The authenticated caller of an RPC, and the one rule every service applies to agency data:
/// an agency user acts only for its own agency.</summary>
public sealed record Caller(string Subject, string Role, string? AgencyId)
{
    public static Caller From(ServerCallContext context) => From(context.GetHttpContext().User);

    public static Caller From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimNames.Subject) ?? "",
        user.FindFirstValue(ClaimNames.Role) ?? "",
        user.FindFirstValue(ClaimNames.AgencyId));

    public bool IsAgencyUser => Role == Roles.AgencyUser;

    /// <summary>PERMISSION_DENIED unless the caller may see or change the given agency's records.</summary>
    public void EnsureMayActFor(string agencyId)
    {
        if (IsAgencyUser && !string.Equals(AgencyId, agencyId, StringComparison.OrdinalIgnoreCase))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                "An agency user may only act on its own agency's records."));
        }
    }
}
