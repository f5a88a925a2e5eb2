using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Program287g.ServiceDefaults.Auth;

namespace Program287g.Console.SignIn;

/// <summary>The signed-in person as the console knows them: what their access token says (subject, role, agency), read
/// the way the services read it (<see cref="Caller"/>), and the token itself. The console does not validate the token:
/// it only shows who the services will take the person for; every service validates it on every call.</summary>
public sealed record ConsolePrincipal(ClaimsPrincipal Principal, DateTimeOffset ExpiresAt)
{
    public const string AuthenticationType = "program287g-console";

    public static ConsolePrincipal FromAccessToken(string accessToken, TokenSettings settings, string? displayName)
    {
        var token = new JsonWebToken(accessToken);
        var tokenIdentity = new ClaimsIdentity(token.Claims, "access-token", ClaimNames.Subject, settings.RoleClaim);
        var caller = Caller.From(new ClaimsPrincipal(tokenIdentity), settings);
        var claims = new List<Claim>
        {
            new(ClaimNames.Subject, caller.Subject),
            new(ClaimTypes.Name, string.IsNullOrWhiteSpace(displayName) ? caller.Subject : displayName),
            new(ClaimNames.Role, caller.Role),
            new(ConsoleSignIn.AccessTokenClaim, accessToken),
        };
        if (!string.IsNullOrWhiteSpace(caller.AgencyId))
        {
            claims.Add(new Claim(ClaimNames.AgencyId, caller.AgencyId));
        }
        var identity = new ClaimsIdentity(claims, AuthenticationType, ClaimTypes.Name, ClaimNames.Role);
        return new ConsolePrincipal(new ClaimsPrincipal(identity), new DateTimeOffset(token.ValidTo, TimeSpan.Zero));
    }
}
