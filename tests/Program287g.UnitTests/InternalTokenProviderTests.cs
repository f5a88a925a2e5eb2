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

    private static InternalTokenProvider Provider(MovableClock clock) =>
        InternalTokenProvider.Minting(new TokenSettings { SigningKey = new string('k', 40) }, "Program287g.Agreement", clock);

    [Fact]
    public async Task A_service_calls_as_an_internal_system_under_its_own_name()
    {
        var token = new JsonWebToken(await Provider(new MovableClock()).TokenAsync());
        token.GetClaim(ClaimNames.Role).Value.ShouldBe(Roles.InternalSystem);
        token.Subject.ShouldBe("Program287g.Agreement");
    }

    [Fact]
    public async Task The_token_is_reused_until_five_minutes_before_it_expires_then_renewed()
    {
        var clock = new MovableClock();
        var provider = Provider(clock);
        var first = await provider.TokenAsync();

        clock.Now += TimeSpan.FromMinutes(54);
        (await provider.TokenAsync()).ShouldBe(first);
        clock.Now += TimeSpan.FromMinutes(2);
        var renewed = await provider.TokenAsync();
        renewed.ShouldNotBe(first);
        new JsonWebToken(renewed).ValidTo.ShouldBe(clock.Now.UtcDateTime.AddHours(1), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_short_lived_token_from_the_issuer_is_renewed_a_fifth_of_its_life_before_it_expires()
    {
        var clock = new MovableClock();
        var issued = 0;
        var provider = new InternalTokenProvider(_ =>
        {
            issued++;
            return Task.FromResult(new IssuedToken($"token-{issued}", clock.Now.AddMinutes(5)));
        }, clock);

        (await provider.TokenAsync()).ShouldBe("token-1");
        clock.Now += TimeSpan.FromMinutes(3.9);
        (await provider.TokenAsync()).ShouldBe("token-1");
        clock.Now += TimeSpan.FromMinutes(0.2);
        (await provider.TokenAsync()).ShouldBe("token-2");
    }

    [Fact]
    public async Task Callers_that_arrive_together_wait_for_one_request_to_the_issuer()
    {
        var clock = new MovableClock();
        var issued = 0;
        var release = new TaskCompletionSource();
        var provider = new InternalTokenProvider(async _ =>
        {
            Interlocked.Increment(ref issued);
            await release.Task;
            return new IssuedToken("token", clock.Now.AddHours(1));
        }, clock);

        var callers = Enumerable.Range(0, 8).Select(_ => provider.TokenAsync().AsTask()).ToList();
        release.SetResult();

        (await Task.WhenAll(callers)).ShouldAllBe(token => token == "token");
        issued.ShouldBe(1);
    }
}
