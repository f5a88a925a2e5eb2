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
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<TokenSettings>>((options, settings) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Value.Issuer,
                    ValidAudience = settings.Value.Audience,
                    IssuerSigningKey = settings.Value.SecurityKey(),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = ClaimNames.Subject,
                    RoleClaimType = ClaimNames.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireRole(Roles.All)
                .Build())
            .AddPolicy(Policies.ProgramStaff, policy => policy.RequireRole(Roles.ProgramStaff))
            .AddPolicy(Policies.StaffOrInternal, policy => policy.RequireRole(Roles.ProgramStaff, Roles.InternalSystem));
        return builder;
    }
}

/// <summary>Named policies for RPCs narrower than "any known caller" (the fallback).</summary>
public static class Policies
{
    public const string ProgramStaff = "program-staff";
    public const string StaffOrInternal = "staff-or-internal";
}
