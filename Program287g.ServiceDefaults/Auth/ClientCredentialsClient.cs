using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Program287g.ServiceDefaults.Auth;

/// <summary>The OAuth 2.0 client-credentials grant (RFC 6749 section 4.4) against the issuer the service trusts: the
/// token endpoint comes from the same discovery document JwtBearer reads the keys from, the client authenticates with
/// HTTP Basic (section 2.3.1).</summary>
public sealed class ClientCredentialsClient(IOptions<TokenSettings> settings, IOptionsMonitor<JwtBearerOptions> bearer,
    IHttpClientFactory httpClients)
{
    public const string HttpClientName = "program287g-token-endpoint";

    public async Task<IssuedToken> RequestAsync(CancellationToken cancellationToken)
    {
        var (clientId, clientSecret) = (settings.Value.ClientId, settings.Value.ClientSecret);
        if (string.IsNullOrWhiteSpace(clientId) || string.IsNullOrWhiteSpace(clientSecret))
        {
            throw new InvalidOperationException("Auth:ClientId and Auth:ClientSecret are not configured: this service cannot call others.");
        }
        var discovery = await (bearer.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager
            ?? throw new InvalidOperationException("JwtBearer has no discovery document: Auth:Authority is not set.")).GetConfigurationAsync(cancellationToken);
        if (string.IsNullOrEmpty(discovery.TokenEndpoint))
        {
            throw new InvalidOperationException($"The discovery document of {settings.Value.Authority} names no token_endpoint.");
        }
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (!string.IsNullOrWhiteSpace(settings.Value.ClientScope))
        {
            form["scope"] = settings.Value.ClientScope;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, discovery.TokenEndpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(
            Encoding.UTF8.GetBytes($"{WebUtility.UrlEncode(clientId)}:{WebUtility.UrlEncode(clientSecret)}")));
        var asked = DateTimeOffset.UtcNow;
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The issuer refused client '{clientId}' a client-credentials token ({(int)response.StatusCode}): {ErrorOf(body)}"));
        }
        using var json = JsonDocument.Parse(body);
        var accessToken = json.RootElement.GetProperty("access_token").GetString()
            ?? throw new InvalidOperationException("The issuer's token response has no access_token.");
        // expires_in is only RECOMMENDED; the token is a JWT, so its exp says the same where it is missing.
        var expiresAt = json.RootElement.TryGetProperty("expires_in", out var expiresIn) && expiresIn.ValueKind == JsonValueKind.Number
            ? asked.AddSeconds(expiresIn.GetDouble())
            : new DateTimeOffset(new JsonWebToken(accessToken).ValidTo, TimeSpan.Zero);
        return new IssuedToken(accessToken, expiresAt);
    }

    private static string ErrorOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("error", out var error) ? error.GetString() ?? "" : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
