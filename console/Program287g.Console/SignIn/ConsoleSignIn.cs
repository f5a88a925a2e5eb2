using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Program287g.ServiceDefaults.Auth;

namespace Program287g.Console.SignIn;

/// <summary>How a person signs in to the console. Outside Development: OpenID Connect (authorization code with PKCE) at
/// the same issuer the services trust, the console being a confidential client of its own (Auth:ClientId,
/// Auth:ClientSecret). Under ./run.sh (the development key): a sign-in form that picks a role and an agency and mints
/// the development token the services accept. Either way the person's access token is kept in the (encrypted)
/// sign-in cookie, which lasts no longer than the token; every gRPC call carries it.</summary>
public static class ConsoleSignIn
{
    public const string AccessTokenClaim = "program287g_access_token";
    public const string SignInPath = "/signin";
    public const string DevelopmentSignInPath = "/signin/development";
    public const string OpenIdConnectSignInPath = "/signin/oidc";
    public const string SignOutPath = "/signout";
    private const string CookieName = "program287g-console";

    public static WebApplicationBuilder AddConsoleSignIn(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TokenSettings.SectionName);
        builder.Services.AddOptions<TokenSettings>().Bind(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TokenSettings>, TokenSettingsValidator>();
        builder.Services.AddSingleton<IValidateOptions<TokenSettings>, ConsoleClientValidator>();

        var settings = section.Get<TokenSettings>() ?? new TokenSettings();
        var openIdConnect = settings.Mode == IdentityMode.OpenIdConnect;
        var authentication = builder.Services.AddAuthentication(options =>
        {
            options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.DefaultChallengeScheme = openIdConnect
                ? OpenIdConnectDefaults.AuthenticationScheme
                : CookieAuthenticationDefaults.AuthenticationScheme;
        }).AddCookie(options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = SignInPath;
            options.AccessDeniedPath = SignInPath;
            // The cookie dies with the token inside it: a person signs in again rather than calling with a dead token.
            options.SlidingExpiration = false;
        });
        if (openIdConnect)
        {
            authentication.AddOpenIdConnect(options => ConfigureOpenIdConnect(options, settings));
        }

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser().RequireClaim(AccessTokenClaim).Build());
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<SignedInPerson>();
        return builder;
    }

    private static void ConfigureOpenIdConnect(OpenIdConnectOptions options, TokenSettings settings)
    {
        options.Authority = settings.Authority;
        options.ClientId = settings.ClientId;
        options.ClientSecret = settings.ClientSecret;
        options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        options.ResponseType = "code";
        options.UsePkce = true;
        options.MapInboundClaims = false;
        options.SaveTokens = false;
        options.Scope.Clear();
        options.Scope.Add("openid");
        options.Scope.Add("profile");
        if (!string.IsNullOrWhiteSpace(settings.ClientScope))
        {
            options.Scope.Add(settings.ClientScope);
        }
        options.Events.OnTokenValidated = context =>
        {
            var accessToken = context.TokenEndpointResponse?.AccessToken;
            if (string.IsNullOrWhiteSpace(accessToken))
            {
                context.Fail("The issuer returned no access token: the console cannot call the services for this person.");
                return Task.CompletedTask;
            }
            var person = ConsolePrincipal.FromAccessToken(accessToken, settings,
                context.Principal?.FindFirstValue("name") ?? context.Principal?.FindFirstValue("preferred_username"));
            context.Principal = person.Principal;
            context.Properties!.ExpiresUtc = person.ExpiresAt;
            return Task.CompletedTask;
        };
    }

    public static WebApplication MapSignInEndpoints(this WebApplication app)
    {
        app.MapPost(DevelopmentSignInPath, DevelopmentSignIn.SignInAsync).AllowAnonymous();
        app.MapGet(OpenIdConnectSignInPath, (string? return_url) => Results.Challenge(
            new AuthenticationProperties { RedirectUri = return_url is { } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/" },
            [OpenIdConnectDefaults.AuthenticationScheme])).AllowAnonymous();
        app.MapPost(SignOutPath, async (HttpContext http, IOptions<TokenSettings> settings) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (settings.Value.Mode == IdentityMode.OpenIdConnect)
            {
                // Ends the session at the issuer too, which sends the browser back here afterwards.
                await http.SignOutAsync(OpenIdConnectDefaults.AuthenticationScheme, new AuthenticationProperties { RedirectUri = "/" });
                return Results.Empty;
            }
            return Results.LocalRedirect(SignInPath);
        });
        return app;
    }
}

/// <summary>In OpenID Connect mode the console signs people in as a client of its own at the issuer.</summary>
internal sealed class ConsoleClientValidator : IValidateOptions<TokenSettings>
{
    public ValidateOptionsResult Validate(string? name, TokenSettings options) =>
        options.Mode == IdentityMode.OpenIdConnect
            && (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.ClientSecret))
            ? ValidateOptionsResult.Fail("Auth:ClientId and Auth:ClientSecret are required with Auth:Authority: the console "
                + "signs people in at the issuer as a client of its own (authorization code flow).")
            : ValidateOptionsResult.Success;
}
