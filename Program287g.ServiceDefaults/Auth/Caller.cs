using System.Security.Claims;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Program287g.ServiceDefaults.Auth;

/// <summary>The authenticated caller of an RPC, and the one rule every service applies to agency data:
/// an agency user acts only for its own agency.</summary>
public sealed record Caller(string Subject, string Role, string? AgencyId)
{
    /// <summary>Role and agency are read from the claims <see cref="TokenSettings.RoleClaim"/> and
    /// <see cref="TokenSettings.AgencyClaim"/> name, whoever issued the token.</summary>
    public static Caller From(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        return From(http.User, http.RequestServices.GetRequiredService<IOptions<TokenSettings>>().Value);
    }

    /// <summary>An issuer's token may carry several roles, ours among others. An agency user stays scoped to its agency
    /// whatever else the token says; then staff, then internal systems; a role of none of ours is no role.</summary>
    public static Caller From(ClaimsPrincipal user, TokenSettings settings)
    {
        var roles = user.FindAll(settings.RoleClaim).Select(claim => claim.Value).ToHashSet(StringComparer.Ordinal);
        var role = RolePrecedence.FirstOrDefault(roles.Contains) ?? "";
        return new Caller(user.FindFirstValue(ClaimNames.Subject) ?? "", role, user.FindFirstValue(settings.AgencyClaim));
    }

    private static readonly string[] RolePrecedence = [Roles.AgencyUser, Roles.ProgramStaff, Roles.InternalSystem];

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
