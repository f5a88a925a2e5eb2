using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Program287g.ServiceDefaults.Auth;

/// <summary>The start-up rules for "Auth" (ValidateOnStart: a service that breaks one does not start, and says why).
/// A service trusts exactly one issuer: an OpenID Connect issuer, or the development key, which outside Development
/// only an explicit Auth:AllowDevelopmentKey=true lets it use.</summary>
public sealed class TokenSettingsValidator(IHostEnvironment environment) : IValidateOptions<TokenSettings>
{
    private static readonly TimeSpan MinimumAutomaticRefresh = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MinimumRefresh = TimeSpan.FromSeconds(1);

    public ValidateOptionsResult Validate(string? name, TokenSettings options)
    {
        var problems = Problems(options, environment.IsDevelopment(), environment.EnvironmentName);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static IReadOnlyList<string> Problems(TokenSettings settings, bool isDevelopment, string environmentName)
    {
        var problems = new List<string>();
        var hasAuthority = !string.IsNullOrWhiteSpace(settings.Authority);
        var hasKey = !string.IsNullOrWhiteSpace(settings.SigningKey);
        if (hasAuthority && hasKey)
        {
            problems.Add("Auth:Authority and Auth:SigningKey are both set: a service trusts one issuer. "
                + "Remove Auth:SigningKey (the development key) to use the OpenID Connect issuer.");
        }
        else if (hasAuthority)
        {
            problems.AddRange(OpenIdConnectProblems(settings));
        }
        else if (hasKey)
        {
            if (!isDevelopment && !settings.AllowDevelopmentKey)
            {
                problems.Add($"Auth:SigningKey is the development HS256 key and is refused in the '{environmentName}' environment. "
                    + "Set Auth:Authority and Auth:Audience to accept tokens from your OpenID Connect issuer. "
                    + "(Only a local run, the tests and the drills set Auth:AllowDevelopmentKey=true.)");
            }
            if (settings.SigningKey!.Length < TokenSettings.MinimumKeyLength)
            {
                problems.Add($"Auth:SigningKey must be at least {TokenSettings.MinimumKeyLength} characters.");
            }
        }
        else
        {
            problems.Add(isDevelopment || settings.AllowDevelopmentKey
                ? "No token issuer is configured: set Auth:Authority and Auth:Audience (an OpenID Connect issuer), "
                    + "or run through the AppHost, or set Auth__SigningKey (32+ characters)."
                : $"No token issuer is configured in the '{environmentName}' environment: set Auth:Authority and Auth:Audience "
                    + "to accept tokens from your OpenID Connect issuer.");
        }
        if (string.IsNullOrWhiteSpace(settings.RoleClaim))
        {
            problems.Add("Auth:RoleClaim must name the claim that carries the caller's role.");
        }
        if (string.IsNullOrWhiteSpace(settings.AgencyClaim))
        {
            problems.Add("Auth:AgencyClaim must name the claim that carries an agency user's agency id.");
        }
        return problems;
    }

    private static IEnumerable<string> OpenIdConnectProblems(TokenSettings settings)
    {
        if (!Uri.TryCreate(settings.Authority, UriKind.Absolute, out var authority)
            || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
        {
            yield return $"Auth:Authority must be the issuer's absolute https address, not '{settings.Authority}'.";
        }
        else if (authority.Scheme != Uri.UriSchemeHttps && settings.RequireHttpsMetadata)
        {
            yield return $"Auth:Authority '{settings.Authority}' is not https: keys fetched over plain http could be anyone's. "
                + "(Auth:RequireHttpsMetadata=false allows it, for a test issuer on loopback.)";
        }
        if (string.IsNullOrWhiteSpace(settings.Audience))
        {
            yield return "Auth:Audience is required with Auth:Authority: the audience the issuer puts in tokens for these services.";
        }
        if (settings.KeyRefreshInterval < MinimumAutomaticRefresh)
        {
            yield return "Auth:KeyRefreshInterval must be at least 5 minutes.";
        }
        if (settings.MinimumKeyRefreshInterval < MinimumRefresh)
        {
            yield return "Auth:MinimumKeyRefreshInterval must be at least 1 second.";
        }
        if (string.IsNullOrWhiteSpace(settings.ClientId) != string.IsNullOrWhiteSpace(settings.ClientSecret))
        {
            yield return "Auth:ClientId and Auth:ClientSecret go together: set both or neither.";
        }
    }
}
