using Program287g.ServiceDefaults.Auth;

namespace Program287g.Testing;

/// <summary>Bearer tokens for the three kinds of caller, signed with a key made for this test run.</summary>
public sealed class TestTokens(string signingKey)
{
    public TestTokens() : this(Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)))
    {
    }

    public string SigningKey { get; } = signingKey;

    private TokenSettings Settings => new() { SigningKey = SigningKey };

    /// <param name="clientId">The OAuth client the token names (azp), for tests of what the audit trail records.</param>
    public string Staff(string? clientId = null) => TokenIssuer.Issue(Settings, "staff@test", Roles.ProgramStaff, clientId: clientId);

    public string Internal(string? clientId = null) => TokenIssuer.Issue(Settings, "system@test", Roles.InternalSystem, clientId: clientId);

    public string AgencyUser(string agencyId, string? clientId = null) =>
        TokenIssuer.Issue(Settings, "officer@test", Roles.AgencyUser, agencyId, clientId: clientId);

    public string Expired() => TokenIssuer.Issue(Settings, "staff@test", Roles.ProgramStaff,
        lifetime: TimeSpan.FromMinutes(5), clock: new FixedClock(DateTimeOffset.UtcNow.AddHours(-1)));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
