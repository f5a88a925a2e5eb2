using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Program287g.ServiceDefaults.Auth;

namespace Program287g.UnitTests.Deployment;

/// <summary>Identity in a deployment: the services trust the OpenID Connect issuer the ConfigMap names, never the
/// development key, and those that call others have a client of their own there, its secret by reference.</summary>
public sealed class IdentityTests
{
    public static TheoryData<string> Overlays => [RenderedOverlay.Dev, RenderedOverlay.Production];

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_pod_trusts_the_openid_connect_issuer_alone_and_passes_the_services_start_up_rules_outside_development(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        foreach (var deployment in rendered.ServicePods)
        {
            var environment = rendered.EnvironmentOf(deployment);
            environment.Keys.ShouldNotContain("Auth__SigningKey", deployment.Name);
            environment.Keys.ShouldNotContain("Auth__AllowDevelopmentKey", deployment.Name);
            environment["Auth__Authority"].ShouldNotBeNullOrWhiteSpace(deployment.Name);
            environment["Auth__Audience"].ShouldNotBeNullOrWhiteSpace(deployment.Name);

            // As the host reads them: no environment named is Production, and "__" is the section separator.
            var name = environment.GetValueOrDefault("ASPNETCORE_ENVIRONMENT")
                ?? environment.GetValueOrDefault("DOTNET_ENVIRONMENT") ?? Environments.Production;
            name.ShouldNotBe(Environments.Development, deployment.Name);
            var settings = new ConfigurationBuilder()
                .AddInMemoryCollection(environment.Select(entry =>
                    KeyValuePair.Create(entry.Key.Replace("__", ":", StringComparison.Ordinal), (string?)entry.Value)))
                .Build().GetSection(TokenSettings.SectionName).Get<TokenSettings>() ?? new TokenSettings();
            settings.Mode.ShouldBe(IdentityMode.OpenIdConnect, deployment.Name);
            TokenSettingsValidator.Problems(settings, isDevelopment: false, name).ShouldBeEmpty(deployment.Name);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Each_service_that_calls_others_has_its_own_client_at_the_issuer_with_the_secret_by_reference_and_the_others_none(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        var callers = ServiceCalls.Callers();
        callers.ShouldContain(ResourceNames.AgreementService, "the callers were read off the code");
        var clients = new List<(string Id, string Secret)>();
        foreach (var deployment in rendered.ServicePods)
        {
            var service = deployment["metadata"]["labels"]["program287g.io/service"].Text!;
            var env = RenderedOverlay.Container(deployment)["env"].Items.ToDictionary(variable => variable["name"].Text!);
            if (!callers.Contains(service))
            {
                env.Keys.ShouldNotContain("Auth__ClientId", deployment.Name);
                env.Keys.ShouldNotContain("Auth__ClientSecret", deployment.Name);
                continue;
            }
            var id = rendered.EnvironmentOf(deployment).GetValueOrDefault("Auth__ClientId");
            id.ShouldNotBeNullOrWhiteSpace($"{deployment.Name} calls others, so it needs a client at the issuer");
            var secret = env.GetValueOrDefault("Auth__ClientSecret").ShouldNotBeNull($"{deployment.Name} Auth__ClientSecret");
            secret["value"].Exists.ShouldBeFalse($"{deployment.Name}: the client secret is a literal");
            var reference = secret["valueFrom"]["secretKeyRef"];
            reference["name"].Text.ShouldNotBeNullOrWhiteSpace($"{deployment.Name}: the client secret comes from a Secret");
            reference["key"].Text.ShouldNotBeNullOrWhiteSpace(deployment.Name);
            reference["optional"].Text.ShouldNotBe("true", $"{deployment.Name}: without its secret the service does not start");
            clients.Add((id, $"{reference["name"].Text}/{reference["key"].Text}"));
        }
        clients.Count.ShouldBe(callers.Count);
        clients.Select(client => client.Id).ShouldBeUnique("one client per service, so none acts as another");
        clients.Select(client => client.Secret).ShouldBeUnique();
    }
}
