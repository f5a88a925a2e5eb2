using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Program287g.ServiceDefaults.Auth;

/// <summary>An access token and the moment it stops being good.</summary>
public sealed record IssuedToken(string AccessToken, DateTimeOffset ExpiresAt);

/// <summary>The token a service presents when it calls another service, as <see cref="Roles.InternalSystem"/>: a
/// client-credentials token from the OpenID Connect issuer, or in dev-key mode one minted with the shared key (subject
/// the calling service's name). Kept until shortly before it expires, not fetched per call; concurrent callers wait for
/// one fetch.</summary>
public sealed class InternalTokenProvider(Func<CancellationToken, Task<IssuedToken>> issue, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan DevelopmentLifetime = TimeSpan.FromHours(1);
    private static readonly TimeSpan LongestRenewal = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Held? _current;

    public static InternalTokenProvider For(IServiceProvider services)
    {
        // On the wall clock, not the service's TimeProvider: the services called check the token against their own
        // clocks, whatever clock this service's rules run on (a test moves that one).
        var settings = services.GetRequiredService<IOptions<TokenSettings>>().Value;
        return settings.Mode == IdentityMode.OpenIdConnect
            ? new InternalTokenProvider(ActivatorUtilities.CreateInstance<ClientCredentialsClient>(services).RequestAsync, TimeProvider.System)
            : Minting(settings, services.GetRequiredService<IHostEnvironment>().ApplicationName, TimeProvider.System);
    }

    public static InternalTokenProvider Minting(TokenSettings settings, string subject, TimeProvider clock) => new(_ =>
    {
        var now = clock.GetUtcNow();
        return Task.FromResult(new IssuedToken(
            TokenIssuer.Issue(settings, subject, Roles.InternalSystem, lifetime: DevelopmentLifetime, clock: clock, clientId: subject), now + DevelopmentLifetime));
    }, clock);

    public async ValueTask<string> TokenAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } current && clock.GetUtcNow() < current.RenewAt)
        {
            return current.Token.AccessToken;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            if (_current is { } fetched && now < fetched.RenewAt)
            {
                return fetched.Token.AccessToken;
            }
            var token = await issue(cancellationToken);
            // Renewed a fifth of its life before it expires, and at most five minutes before: a one-hour token at
            // 55 minutes, a five-minute one at four.
            var renewBefore = TimeSpan.FromTicks(Math.Min(LongestRenewal.Ticks, Math.Max(0, (token.ExpiresAt - now).Ticks / 5)));
            _current = new Held(token, token.ExpiresAt - renewBefore);
            return token.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>One reference, so a caller outside the gate never sees a token with another one's renewal time.</summary>
    private sealed record Held(IssuedToken Token, DateTimeOffset RenewAt);
}
