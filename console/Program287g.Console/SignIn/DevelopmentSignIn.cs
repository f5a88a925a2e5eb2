using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Program287g.ServiceDefaults.Auth;

namespace Program287g.Console.SignIn;

/// <summary>The development sign-in (./run.sh, the tests): the form on /signin posts a name, a role and, for an agency
/// user, the agency; the console mints the development token the services accept (the same TokenIssuer as the
/// dev-token tool) and keeps it in the sign-in cookie. Refused (404) whenever an OpenID Connect issuer is configured.</summary>
public static class DevelopmentSignIn
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <summary>The roles a person can sign in as; internal systems call the services directly.</summary>
    public static readonly IReadOnlyList<string> PersonRoles = [Roles.ProgramStaff, Roles.AgencyUser];

    public static async Task<IResult> SignInAsync(HttpContext http, IOptions<TokenSettings> options,
        [FromForm(Name = "name")] string? name, [FromForm(Name = "role")] string? role,
        [FromForm(Name = "agency_id")] string? agencyId, [FromForm(Name = "return_url")] string? returnUrl)
    {
        var settings = options.Value;
        if (settings.Mode != IdentityMode.DevelopmentKey)
        {
            return Results.NotFound();
        }
        var problem = Problem(name, role, agencyId);
        if (problem is not null)
        {
            return Results.LocalRedirect($"{ConsoleSignIn.SignInPath}?error={Uri.EscapeDataString(problem)}");
        }
        var subject = name!.Trim();
        var agency = role == Roles.AgencyUser ? agencyId!.Trim() : null;
        var token = TokenIssuer.Issue(settings, subject, role!, agency, Lifetime);
        var person = ConsolePrincipal.FromAccessToken(token, settings, subject);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, person.Principal,
            new AuthenticationProperties { ExpiresUtc = person.ExpiresAt, IsPersistent = false });
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    /// <summary>What is wrong with the form, naming the field; null when it may be signed in.</summary>
    public static string? Problem(string? name, string? role, string? agencyId)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "Name: enter the name to act under (it is recorded as the actor of every change).";
        }
        if (role is null || !PersonRoles.Contains(role))
        {
            return $"Role: choose one of {string.Join(", ", PersonRoles)}.";
        }
        if (role == Roles.AgencyUser && (string.IsNullOrWhiteSpace(agencyId) || !Guid.TryParse(agencyId.Trim(), out _)))
        {
            return "Agency: an agency user acts for one agency; choose it (its id is a UUID).";
        }
        return null;
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.StartsWith("/\\", StringComparison.Ordinal);
}
