using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Grpc.Core;
using Program287g.Agreement.V1;
using Program287g.Cli.Services;
using Program287g.ServiceDefaults.Auth;

namespace Program287g.Cli;

/// <summary>Connects to one of the services (<see cref="CliService"/>): the address from --url, else its
/// PROGRAM287G_&lt;SERVICE&gt;_URL, else the AppHost's default; the token from --token, else PROGRAM287G_TOKEN, else a program-staff token minted with the
/// AppHost's signing key, as tools/Program287g.DevToken mints one.</summary>
public sealed class AgreementClientFactory(Func<string, string?> environment, Func<string?> appHostSigningKey)
{
    public const string UrlVariable = "PROGRAM287G_AGREEMENT_URL";
    public const string TokenVariable = "PROGRAM287G_TOKEN";

    /// <summary>The agreement service's gRPC port in Program287g.AppHost/ServicePorts.cs (5100 + its place).</summary>
    public const string DefaultUrl = "http://localhost:5102";

    /// <summary>The client id a minted token carries (azp), so that a service's audit trail tells the tool's calls
    /// from the console's and the services' own.</summary>
    public const string ClientId = "program287g-cli";

    // The AppHost's UserSecretsId (Program287g.AppHost.csproj): Aspire keeps the generated jwt-signing-key there.
    private const string AppHostUserSecretsId = "program287g-apphost-5f0c2a7e";

    public static AgreementClientFactory FromEnvironment() =>
        new(Environment.GetEnvironmentVariable, ReadAppHostSigningKey);

    /// <summary>A connection to the Agreement service, or why there is none (a usage problem: exit 2).</summary>
    public Connection Connect(string? url, string? token)
    {
        var connection = Connect(CliService.Agreement, url, token);
        return new Connection(connection.Channel,
            connection.Invoker is { } invoker ? new AgreementService.AgreementServiceClient(invoker) : null, connection.Problem);
    }

    /// <summary>A connection to <paramref name="service"/>, or why there is none (a usage problem: exit 2).</summary>
    public ServiceConnection Connect(CliService service, string? url, string? token)
    {
        var address = NonEmpty(url) ?? NonEmpty(environment(service.UrlVariable)) ?? service.DefaultUrl;
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return ServiceConnection.Failed($"'{address}' is not an http:// or https:// address of the {service.Name} service.");
        }
        var bearer = NonEmpty(token) ?? NonEmpty(environment(TokenVariable));
        if (bearer is null)
        {
            var (minted, problem) = MintStaffToken();
            if (minted is null)
            {
                return ServiceConnection.Failed(problem!);
            }
            bearer = minted;
        }
        // An http:// address is gRPC over cleartext HTTP/2 with prior knowledge (h2c), as the services listen.
        var channel = GrpcChannel.ForAddress(uri);
        var invoker = channel.Intercept(headers =>
        {
            headers.Add("authorization", $"Bearer {bearer}");
            return headers;
        });
        return new ServiceConnection(channel, invoker, null);
    }

    private (string? Token, string? Problem) MintStaffToken()
    {
        var key = appHostSigningKey();
        if (string.IsNullOrWhiteSpace(key))
        {
            return (null, $"no token: pass --token, set {TokenVariable}, or start the AppHost once (./run.sh) so it " +
                "generates the signing key a program-staff token is minted with.");
        }
        try
        {
            return (TokenIssuer.Issue(new TokenSettings { SigningKey = key }, Environment.UserName, Roles.ProgramStaff,
                lifetime: TimeSpan.FromHours(1), clientId: ClientId), null);
        }
        catch (ArgumentException exception)
        {
            return (null, $"cannot mint a token with the AppHost's signing key: {exception.Message}");
        }
    }

    private static string? ReadAppHostSigningKey()
    {
        var configuration = new ConfigurationBuilder()
            .AddUserSecrets(AppHostUserSecretsId)
            .AddEnvironmentVariables()
            .Build();
        return configuration["Auth:SigningKey"] ?? configuration[$"Parameters:{ResourceNames.JwtSigningKeyParameter}"];
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public sealed record ServiceConnection(GrpcChannel? Channel, CallInvoker? Invoker, string? Problem) : IDisposable
    {
        public static ServiceConnection Failed(string problem) => new(null, null, problem);

        public void Dispose() => Channel?.Dispose();
    }

    public sealed record Connection(GrpcChannel? Channel, AgreementService.AgreementServiceClient? Client, string? Problem)
        : IDisposable
    {
        public static Connection Failed(string problem) => new(null, null, problem);

        public void Dispose() => Channel?.Dispose();
    }
}
