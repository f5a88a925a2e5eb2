using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Program287g.ServiceDefaults.Auth;

/// <summary>The token a service presents when it calls another service: role internal-system, subject the calling
/// service's name, signed with the shared key. Minted once an hour, not per call.</summary>
public sealed class InternalTokenProvider(IOptions<TokenSettings> settings, IHostEnvironment environment, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private (string Token, DateTimeOffset Expires)? _current;
    private readonly Lock _gate = new();

    public string Token()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_current is not { } current || current.Expires - RenewBefore <= now)
            {
                current = (TokenIssuer.Issue(settings.Value, environment.ApplicationName, Roles.InternalSystem,
                    lifetime: Lifetime, clock: clock), now + Lifetime);
                _current = current;
            }
            return current.Token;
        }
    }
}
