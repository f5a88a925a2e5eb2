using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Program287g.ServiceDefaults.Auth;

/// <summary>The "Auth" configuration section: whose tokens a service accepts. Either an OpenID Connect issuer
/// (<see cref="Authority"/>, the mode outside Development) or the development HS256 key (<see cref="SigningKey"/>,
/// which the AppHost generates for a local run; tests and drills make their own). There is deliberately no default
/// issuer: <see cref="TokenSettingsValidator"/> refuses to start a service that trusts nobody, or the development key
/// where it does not belong.</summary>
public sealed class TokenSettings
{
    public const string SectionName = "Auth";

    /// <summary>HMAC-SHA256 needs at least 256 bits of key.</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>Issuer and audience of the development tokens.</summary>
    public const string DevelopmentIssuer = "program287g";

    /// <summary>The OpenID Connect issuer (its discovery document is Authority + /.well-known/openid-configuration).</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must be issued for. Required with <see cref="Authority"/>; the development tokens'
    /// is <see cref="DevelopmentIssuer"/>.</summary>
    public string? Audience { get; set; }

    /// <summary>Discovery and keys over https only. Off only for an issuer on loopback in tests.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>How often the discovery document and signing keys are fetched again whatever happens
    /// (JwtBearer's AutomaticRefreshInterval; at least 5 minutes).</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A token whose key id is unknown makes the service fetch the keys again at once, but not sooner than
    /// this after the last fetch (JwtBearer's RefreshInterval; at least 1 second): a flood of tokens with made-up
    /// key ids cannot turn into a flood of requests to the issuer.</summary>
    public TimeSpan MinimumKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The claim that carries the caller's role (one of <see cref="Roles.All"/>), in either mode.</summary>
    public string RoleClaim { get; set; } = ClaimNames.Role;

    /// <summary>The claim that carries an agency user's agency id, in either mode.</summary>
    public string AgencyClaim { get; set; } = ClaimNames.AgencyId;

    /// <summary>This service's client at the issuer, for its client-credentials token when it calls other services.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The scope to ask for with the client-credentials grant, where the issuer wants one.</summary>
    public string? ClientScope { get; set; }

    /// <summary>The development HS256 key: for ./run.sh, the tests and the drills only.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Lets a service outside Development trust <see cref="SigningKey"/>: set by the AppHost's local run, the
    /// tests and the drills, never by a deployment.</summary>
    public bool AllowDevelopmentKey { get; set; }

    public string Issuer { get; set; } = DevelopmentIssuer;

    public IdentityMode Mode => string.IsNullOrWhiteSpace(Authority) ? IdentityMode.DevelopmentKey : IdentityMode.OpenIdConnect;

    /// <summary>The audience tokens are minted for and checked against.</summary>
    public string ExpectedAudience => string.IsNullOrWhiteSpace(Audience) ? DevelopmentIssuer : Audience;

    public SymmetricSecurityKey SecurityKey() => new(Encoding.UTF8.GetBytes(SigningKey ?? ""));
}

public enum IdentityMode
{
    /// <summary>HS256 tokens signed with <see cref="TokenSettings.SigningKey"/>.</summary>
    DevelopmentKey,

    /// <summary>RS256/ES256 tokens from <see cref="TokenSettings.Authority"/>, keys from its JWKS.</summary>
    OpenIdConnect,
}
