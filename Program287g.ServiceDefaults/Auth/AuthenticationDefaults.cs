using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Program287g.ServiceDefaults.Auth;

public static class AuthenticationDefaults
{
    /// <summary>JWT bearer on every endpoint by default: the fallback policy demands an authenticated caller in one
    /// of the three roles, so a new RPC is protected without anyone remembering to protect it. Probes, gRPC health
    /// and reflection opt out explicitly.</summary>
    public static TBuilder AddDefaultAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<TokenSettings>()
            .Bind(builder.Configuration.GetSection(TokenSettings.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TokenSettings>, TokenSettingsValidator>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<TokenSettings>>((options, settings) => Configure(options, settings.Value));
        // After JwtBearer's own post-configuration, which makes the issuer's ConfigurationManager. A key the issuer has
        // withdrawn is withdrawn here at the next fetch: no "last known good" keys trusted for an hour after.
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            if (options.ConfigurationManager is BaseConfigurationManager manager)
            {
                manager.UseLastKnownGoodConfiguration = false;
            }
        });

        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireRole(Roles.All)
                .Build())
            .AddPolicy(Policies.ProgramStaff, policy => policy.RequireRole(Roles.ProgramStaff))
            .AddPolicy(Policies.StaffOrInternal, policy => policy.RequireRole(Roles.ProgramStaff, Roles.InternalSystem));
        return builder;
    }

    /// <summary>Both modes read the caller the same way (subject, <see cref="TokenSettings.RoleClaim"/>,
    /// <see cref="TokenSettings.AgencyClaim"/>, see <see cref="Caller"/>) and check lifetime with the same small skew;
    /// they differ in whose signatures they trust.</summary>
    public static void Configure(JwtBearerOptions options, TokenSettings settings)
    {
        options.MapInboundClaims = false;
        var parameters = new TokenValidationParameters
        {
            ValidAudience = settings.ExpectedAudience,
            NameClaimType = ClaimNames.Subject,
            RoleClaimType = settings.RoleClaim,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
        };
        if (settings.Mode == IdentityMode.OpenIdConnect)
        {
            // Issuer and keys from the discovery document; a token whose kid is unknown fetches the keys again (a
            // rotation), throttled by RefreshInterval. Only asymmetric algorithms: an HS256 token is refused whatever key
            // it names, so nobody can sign with a public key taken for a shared secret.
            options.Authority = settings.Authority;
            options.Audience = settings.Audience;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.RefreshOnIssuerKeyNotFound = true;
            options.AutomaticRefreshInterval = settings.KeyRefreshInterval;
            options.RefreshInterval = settings.MinimumKeyRefreshInterval;
            parameters.ValidAlgorithms = OpenIdConnectAlgorithms;
        }
        else
        {
            parameters.ValidIssuer = settings.Issuer;
            parameters.IssuerSigningKey = settings.SecurityKey();
            parameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }
        options.TokenValidationParameters = parameters;
    }

    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static readonly IReadOnlyList<string> OpenIdConnectAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256];
}

/// <summary>Named policies for RPCs narrower than "any known caller" (the fallback).</summary>
public static class Policies
{
    public const string ProgramStaff = "program-staff";
    public const string StaffOrInternal = "staff-or-internal";
}
