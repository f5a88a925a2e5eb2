using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Grpc;

namespace Program287g.UnitTests;

/// <summary>Whose tokens a service trusts, decided at start: an OpenID Connect issuer, or the development key only in
/// Development or where Auth:AllowDevelopmentKey says so; anything else does not start, and says why.</summary>
public class IdentityStartupTests
{
    private const string Key = "0123456789abcdef0123456789abcdef";
    private const string Authority = "https://login.example.gov/realms/program287g";

    private static IReadOnlyList<string> Problems(TokenSettings settings, string environment = "Production") =>
        TokenSettingsValidator.Problems(settings, environment == Environments.Development, environment);

    [Fact]
    public void The_development_key_is_refused_outside_development_with_a_message_that_names_the_way_out()
    {
        var problem = Problems(new TokenSettings { SigningKey = Key }).ShouldHaveSingleItem();

        problem.ShouldContain("Auth:SigningKey is the development HS256 key and is refused in the 'Production' environment");
        problem.ShouldContain("Auth:Authority and Auth:Audience");
    }

    [Theory]
    [InlineData("Development", false)]
    [InlineData("Production", true)]
    [InlineData("Testing", true)]
    public void The_development_key_is_accepted_in_development_or_where_explicitly_allowed(string environment, bool allow) =>
        Problems(new TokenSettings { SigningKey = Key, AllowDevelopmentKey = allow }, environment).ShouldBeEmpty();

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public void A_service_that_trusts_no_issuer_is_refused_in_any_environment(string environment) =>
        Problems(new TokenSettings(), environment).ShouldHaveSingleItem().ShouldContain("No token issuer is configured");

    [Fact]
    public void A_short_development_key_is_refused() =>
        Problems(new TokenSettings { SigningKey = "short", AllowDevelopmentKey = true }).ShouldHaveSingleItem()
            .ShouldContain("at least 32 characters");

    [Fact]
    public void An_issuer_with_an_audience_is_accepted_outside_development() =>
        Problems(new TokenSettings { Authority = Authority, Audience = "program287g-api" }).ShouldBeEmpty();

    [Fact]
    public void An_issuer_without_an_audience_is_refused() =>
        Problems(new TokenSettings { Authority = Authority }).ShouldHaveSingleItem().ShouldContain("Auth:Audience is required");

    [Fact]
    public void An_issuer_and_the_development_key_together_are_refused_even_where_the_key_is_allowed() =>
        Problems(new TokenSettings { Authority = Authority, Audience = "api", SigningKey = Key, AllowDevelopmentKey = true }, "Development")
            .ShouldHaveSingleItem().ShouldContain("both set");

    [Fact]
    public void An_issuer_over_plain_http_is_refused_unless_https_metadata_is_explicitly_not_required()
    {
        Problems(new TokenSettings { Authority = "http://127.0.0.1:5000", Audience = "api" }).ShouldHaveSingleItem().ShouldContain("not https");
        Problems(new TokenSettings { Authority = "http://127.0.0.1:5000", Audience = "api", RequireHttpsMetadata = false }).ShouldBeEmpty();
        Problems(new TokenSettings { Authority = "login.example.gov", Audience = "api" }).ShouldHaveSingleItem().ShouldContain("absolute https address");
    }

    [Fact]
    public void Refresh_intervals_below_what_the_key_cache_allows_are_refused() =>
        Problems(new TokenSettings
        {
            Authority = Authority, Audience = "api", KeyRefreshInterval = TimeSpan.FromMinutes(1), MinimumKeyRefreshInterval = TimeSpan.Zero,
        }).Count.ShouldBe(2);

    [Fact]
    public void A_client_id_without_its_secret_is_refused() =>
        Problems(new TokenSettings { Authority = Authority, Audience = "api", ClientId = "agreement" }).ShouldHaveSingleItem()
            .ShouldContain("go together");

    [Fact]
    public async Task A_host_outside_development_with_the_development_key_does_not_start()
    {
        using var host = Host(Environments.Production, new() { ["Auth:SigningKey"] = Key });

        var refusal = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        refusal.Message.ShouldContain("Auth:SigningKey is the development HS256 key");
    }

    [Fact]
    public async Task A_host_outside_development_with_no_issuer_does_not_start()
    {
        using var host = Host(Environments.Production, []);

        var refusal = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        refusal.Message.ShouldContain("No token issuer is configured in the 'Production' environment");
    }

    [Fact]
    public async Task A_host_in_development_with_the_development_key_starts()
    {
        using var host = Host(Environments.Development, new() { ["Auth:SigningKey"] = Key });

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public void With_an_issuer_only_RS256_and_ES256_are_accepted_and_keys_are_fetched_again_for_an_unknown_kid()
    {
        using var host = Host(Environments.Production, new()
        {
            ["Auth:Authority"] = Authority, ["Auth:Audience"] = "program287g-api", ["Auth:MinimumKeyRefreshInterval"] = "00:00:30",
            ["Auth:RoleClaim"] = "roles",
        });

        var options = host.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);

        options.TokenValidationParameters.ValidAlgorithms.ShouldBe([SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256]);
        options.TokenValidationParameters.ValidAudience.ShouldBe("program287g-api");
        options.TokenValidationParameters.RoleClaimType.ShouldBe("roles");
        options.TokenValidationParameters.IssuerSigningKey.ShouldBeNull();
        options.TokenValidationParameters.ClockSkew.ShouldBe(TimeSpan.FromSeconds(30));
        options.Authority.ShouldBe(Authority);
        options.RefreshOnIssuerKeyNotFound.ShouldBeTrue();
        options.AutomaticRefreshInterval.ShouldBe(TimeSpan.FromHours(1));
        options.RefreshInterval.ShouldBe(TimeSpan.FromSeconds(30));
        options.ConfigurationManager.ShouldBeAssignableTo<BaseConfigurationManager>()!.UseLastKnownGoodConfiguration.ShouldBeFalse();
    }

    [Fact]
    public void A_request_whose_token_names_an_unknown_key_waits_for_the_keys_to_be_fetched_again()
    {
        AppContext.TryGetSwitch("Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking", out var blocking).ShouldBeTrue();
        blocking.ShouldBeTrue();
    }

    [Fact]
    public void With_the_development_key_only_HS256_is_accepted_and_no_issuer_is_asked()
    {
        using var host = Host(Environments.Development, new() { ["Auth:SigningKey"] = Key });

        var options = host.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);

        options.TokenValidationParameters.ValidAlgorithms.ShouldBe([SecurityAlgorithms.HmacSha256]);
        options.TokenValidationParameters.ValidIssuer.ShouldBe(TokenSettings.DevelopmentIssuer);
        options.Authority.ShouldBeNull();
        options.ConfigurationManager.ShouldBeNull();
    }

    [Fact]
    public async Task A_service_that_calls_others_with_an_issuer_but_no_client_of_its_own_does_not_start()
    {
        using var host = Host(Environments.Production, new() { ["Auth:Authority"] = Authority, ["Auth:Audience"] = "api" },
            services => services.AddServiceGrpcClient<Grpc.Health.V1.Health.HealthClient>("agency"));

        var refusal = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        refusal.Message.ShouldContain("Auth:ClientId and Auth:ClientSecret are required with Auth:Authority");
    }

    private static IHost Host(string environment, Dictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddDefaultAuthentication();
        services?.Invoke(builder.Services);
        return builder.Build();
    }
}
