using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Program287g.Testing;

/// <summary>A small real OpenID Connect issuer: Kestrel on a free loopback port serving the discovery document, the JWKS
/// and a client-credentials token endpoint, with signing keys made here (RSA and ECDsa) that a test adds, rotates and
/// retires while services are running. Tokens for users are minted directly (<see cref="Token"/>); services get theirs
/// from /token as from any issuer.</summary>
public sealed class TestOidcIssuer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<TestSigningKey> _published = [];
    private readonly Dictionary<string, (string Secret, IReadOnlyDictionary<string, object> Claims)> _clients = [];
    private readonly WebApplication _app;
    private TestSigningKey _current;
    private int _jwksRequests;
    private int _tokenRequests;
    private DateTimeOffset _lastJwksServedAt;

    private TestOidcIssuer(WebApplication app, string audience)
    {
        _app = app;
        Audience = audience;
        _current = TestSigningKey.Rsa();
        _published.Add(_current);
    }

    /// <summary>The issuer's address, its "iss" and the Authority a service is given.</summary>
    public string Authority { get; private set; } = "";

    public string Audience { get; }

    /// <summary>How long a client-credentials token lives.</summary>
    public TimeSpan ClientTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TestSigningKey CurrentKey { get { lock (_gate) { return _current; } } }

    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public DateTimeOffset LastJwksServedAt { get { lock (_gate) { return _lastJwksServedAt; } } }

    public static async Task<TestOidcIssuer> StartAsync(string audience = "program287g-api")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var issuer = new TestOidcIssuer(app, audience);
        app.MapGet("/.well-known/openid-configuration", issuer.Discovery);
        app.MapGet("/jwks", issuer.Jwks);
        app.MapPost("/token", issuer.IssueClientTokenAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        issuer.Authority = address.TrimEnd('/');
        return issuer;
    }

    /// <summary>What a service is given to trust this issuer instead of the development key (the settings
    /// ServiceHosting puts in are taken out). Plain http is allowed for this issuer on loopback only; a kid the service
    /// has not seen fetches the keys again once a second at most.</summary>
    public Dictionary<string, string?> ServiceSettings(string roleClaim, string agencyClaim) => new()
    {
        ["Auth:SigningKey"] = "",
        ["Auth:AllowDevelopmentKey"] = "false",
        ["Auth:Authority"] = Authority,
        ["Auth:Audience"] = Audience,
        ["Auth:RequireHttpsMetadata"] = "false",
        ["Auth:MinimumKeyRefreshInterval"] = "00:00:01",
        ["Auth:RoleClaim"] = roleClaim,
        ["Auth:AgencyClaim"] = agencyClaim,
    };

    /// <summary>Publishes another key beside the current one; tokens are still signed with the current one.</summary>
    public TestSigningKey Publish(TestSigningKey key)
    {
        lock (_gate)
        {
            _published.Add(key);
        }
        return key;
    }

    /// <summary>A rotation: <paramref name="next"/> is published and signs from now on; the key it replaces is gone from
    /// the JWKS at once.</summary>
    public TestSigningKey Rotate(TestSigningKey next)
    {
        lock (_gate)
        {
            _published.Remove(_current);
            _published.Add(next);
            _current = next;
        }
        return next;
    }

    public void RegisterClient(string clientId, string secret, IReadOnlyDictionary<string, object> claims)
    {
        lock (_gate)
        {
            _clients[clientId] = (secret, claims);
        }
    }

    /// <summary>A token as this issuer would give a user; every part can be made wrong for a test.</summary>
    public string Token(IReadOnlyDictionary<string, object> claims, TestSigningKey? key = null, string? algorithm = null,
        string? audience = null, string? issuer = null, DateTimeOffset? expires = null)
    {
        var signing = key ?? CurrentKey;
        var expiry = (expires ?? DateTimeOffset.UtcNow.AddMinutes(10)).UtcDateTime;
        var issuedAt = expiry < DateTime.UtcNow ? expiry.AddMinutes(-10) : DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Authority,
            Audience = audience ?? Audience,
            Claims = claims.ToDictionary(),
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expiry,
            SigningCredentials = new SigningCredentials(signing.SecurityKey, algorithm ?? signing.Algorithm),
        });
    }

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Authority,
        ["jwks_uri"] = $"{Authority}/jwks",
        ["token_endpoint"] = $"{Authority}/token",
        ["grant_types_supported"] = new[] { "client_credentials" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_basic", "client_secret_post" },
        ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256 },
    });

    private IResult Jwks()
    {
        Interlocked.Increment(ref _jwksRequests);
        lock (_gate)
        {
            _lastJwksServedAt = DateTimeOffset.UtcNow;
            return Results.Json(new { keys = _published.Select(key => key.PublicJwk).ToArray() });
        }
    }

    /// <summary>RFC 6749 section 4.4: client authentication by HTTP Basic or in the form.</summary>
    private async Task<IResult> IssueClientTokenAsync(HttpRequest request)
    {
        Interlocked.Increment(ref _tokenRequests);
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials")
        {
            return Results.Json(new { error = "unsupported_grant_type" }, statusCode: StatusCodes.Status400BadRequest);
        }
        var (clientId, secret) = ClientOf(request, form);
        (string Secret, IReadOnlyDictionary<string, object> Claims) client;
        lock (_gate)
        {
            if (clientId is null || !_clients.TryGetValue(clientId, out client) || client.Secret != secret)
            {
                return Results.Json(new { error = "invalid_client" }, statusCode: StatusCodes.Status401Unauthorized);
            }
        }
        var claims = new Dictionary<string, object>(client.Claims) { ["sub"] = clientId, ["client_id"] = clientId };
        var lifetime = ClientTokenLifetime;
        return Results.Json(new
        {
            access_token = Token(claims, expires: DateTimeOffset.UtcNow + lifetime),
            token_type = "Bearer",
            expires_in = (int)lifetime.TotalSeconds,
        });
    }

    private static (string? Id, string? Secret) ClientOf(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim())).Split(':', 2);
            return pair.Length == 2 ? (WebUtility.UrlDecode(pair[0]), WebUtility.UrlDecode(pair[1])) : (null, null);
        }
        return (form["client_id"], form["client_secret"]);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A signing key of the test issuer: the private half signs, <see cref="PublicJwk"/> is what the JWKS shows.
/// The JWK names no "alg" (it is optional), so that a token signed with the right key under an algorithm the services
/// do not accept is refused by their algorithm list alone.</summary>
public sealed class TestSigningKey
{
    private TestSigningKey(SecurityKey securityKey, string algorithm, object publicJwk)
    {
        SecurityKey = securityKey;
        Algorithm = algorithm;
        PublicJwk = publicJwk;
    }

    public SecurityKey SecurityKey { get; }

    public string Algorithm { get; }

    public string KeyId => SecurityKey.KeyId;

    public object PublicJwk { get; }

    public static TestSigningKey Rsa()
    {
        var kid = $"rsa-{Guid.NewGuid():N}";
        var rsa = RSA.Create(2048);
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        return new TestSigningKey(new RsaSecurityKey(rsa) { KeyId = kid }, SecurityAlgorithms.RsaSha256, new
        {
            kty = "RSA", use = "sig", kid,
            n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent),
        });
    }

    public static TestSigningKey EcdsaP256()
    {
        var kid = $"ec-{Guid.NewGuid():N}";
        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
        return new TestSigningKey(new ECDsaSecurityKey(ecdsa) { KeyId = kid }, SecurityAlgorithms.EcdsaSha256, new
        {
            kty = "EC", use = "sig", kid, crv = "P-256",
            x = Base64UrlEncoder.Encode(parameters.Q.X), y = Base64UrlEncoder.Encode(parameters.Q.Y),
        });
    }

    /// <summary>A shared secret under a key id the issuer publishes: the HS256 token a forger would try. Never published
    /// itself.</summary>
    public static TestSigningKey SymmetricNamed(string kid) =>
        new(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = kid }, SecurityAlgorithms.HmacSha256, new { });
}
