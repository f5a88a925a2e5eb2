using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Program287g.ServiceDefaults.Auth;

namespace Program287g.UnitTests;

public class InternalTokenProviderTests
{
    private sealed class MovableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static InternalTokenProvider Provider(MovableClock clock) => new(
        Options.Create(new TokenSettings { SigningKey = new string('k', 40) }),
        new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ApplicationName = "Program287g.Agreement" },
        clock);

    [Fact]
    public void A_service_calls_as_an_internal_system_under_its_own_name()
    {
        var token = new JsonWebToken(Provider(new MovableClock()).Token());
        token.GetClaim(ClaimNames.Role).Value.ShouldBe(Roles.InternalSystem);
        token.Subject.ShouldBe("Program287g.Agreement");
    }

    [Fact]
    public void The_token_is_reused_until_five_minutes_before_it_expires_then_renewed()
    {
        var clock = new MovableClock();
        var provider = Provider(clock);
        var first = provider.Token();

        clock.Now += TimeSpan.FromMinutes(54);
        provider.Token().ShouldBe(first);
        clock.Now += TimeSpan.FromMinutes(2);
        var renewed = provider.Token();
        renewed.ShouldNotBe(first);
        new JsonWebToken(renewed).ValidTo.ShouldBe(clock.Now.UtcDateTime.AddHours(1), TimeSpan.FromSeconds(1));
    }
}
