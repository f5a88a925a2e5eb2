using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Program287g.ServiceDefaults.Auth;

/// <summary>Mints the development HS256 access tokens that services in dev-key mode accept, with the role and agency
/// under the claim names the settings give. Used by the dev-token tool, by the tests and by services in that mode that
/// call each other as <see cref="Roles.InternalSystem"/>. A client id, when given, rides in the azp claim, as an OpenID
/// Connect issuer's tokens carry it (the audit trail records it).</summary>
public static class TokenIssuer
{
    public static string Issue(TokenSettings settings, string subject, string role, string? agencyId = null,
        TimeSpan? lifetime = null, TimeProvider? clock = null, string? clientId = null)
    {
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentException($"Role '{role}' is not one of: {string.Join(", ", Roles.All)}.", nameof(role));
        }
        if (role == Roles.AgencyUser && string.IsNullOrWhiteSpace(agencyId))
        {
            throw new ArgumentException("An agency user's token must name the agency it is scoped to.", nameof(agencyId));
        }
        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var claims = new List<Claim> { new(ClaimNames.Subject, subject), new(settings.RoleClaim, role) };
        if (!string.IsNullOrWhiteSpace(agencyId))
        {
            claims.Add(new Claim(settings.AgencyClaim, agencyId));
        }
        if (!string.IsNullOrWhiteSpace(clientId))
        {
            // The client the token was issued to, as an OIDC provider names it: an audit trail records which tool called.
            claims.Add(new Claim(ClaimNames.AuthorizedParty, clientId));
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = settings.Issuer,
            Audience = settings.ExpectedAudience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(settings.SecurityKey(), SecurityAlgorithms.HmacSha256),
        });
    }
}
