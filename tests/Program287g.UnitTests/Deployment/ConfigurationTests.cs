using System.Data.Common;
using System.Text.RegularExpressions;

namespace Program287g.UnitTests.Deployment;

/// <summary>Configuration by ConfigMap, secrets only by reference, connection strings in the form and under the names
/// the services read.</summary>
public sealed partial class ConfigurationTests
{
    private static readonly Dictionary<string, string> DatabaseOf = new()
    {
        [ResourceNames.AgencyService] = ResourceNames.AgencyDatabase,
        [ResourceNames.AgreementService] = ResourceNames.AgreementDatabase,
        [ResourceNames.NomineeService] = ResourceNames.NomineeDatabase,
        [ResourceNames.NotificationService] = ResourceNames.NotificationDatabase,
    };

    public static TheoryData<string> Overlays => [RenderedOverlay.Dev, RenderedOverlay.Production];

    [Theory]
    [MemberData(nameof(Overlays))]
    public void No_secret_value_is_written_into_the_manifests(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        rendered.OfKind("Secret").ShouldBeEmpty("secrets are made by the operators and deploy/create-secrets.sh");
        foreach (var (key, value) in rendered.OfKind("ConfigMap").SelectMany(map => map["data"].Strings))
        {
            SecretName().IsMatch(key).ShouldBeFalse($"ConfigMap key {key}");
            Credentials().IsMatch(value).ShouldBeFalse($"ConfigMap {key} carries credentials");
        }
        foreach (var deployment in rendered.ServicePods)
        {
            var fromSecrets = new HashSet<string>();
            foreach (var variable in RenderedOverlay.Container(deployment)["env"].Items)
            {
                var name = variable["name"].Text!;
                if (variable["valueFrom"]["secretKeyRef"]["name"].Exists)
                {
                    fromSecrets.Add(name);
                    continue;
                }
                var value = variable["value"].Text ?? "";
                Credentials().IsMatch(value).ShouldBeFalse($"{deployment.Name} {name} carries credentials");
                if (SecretName().IsMatch(name))
                {
                    // Only a connection string composed of earlier variables that are themselves secretKeyRefs.
                    name.ShouldStartWith("ConnectionStrings__", customMessage: $"{deployment.Name} {name} is a literal");
                    var builder = new DbConnectionStringBuilder { ConnectionString = value };
                    foreach (var part in new[] { "Username", "Password" })
                    {
                        var reference = Reference().Match(builder[part].ToString()!);
                        reference.Success.ShouldBeTrue($"{deployment.Name} {name}: {part} is a literal");
                        fromSecrets.ShouldContain(reference.Groups[1].Value, $"{deployment.Name} {name}: {part}");
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Each_service_reads_its_database_from_the_cnpg_cluster_with_the_credentials_of_the_role_owning_it(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        var cluster = rendered.OfKind("Cluster").Single();
        var roles = cluster["spec"]["managed"]["roles"].Items.ToDictionary(role => role["name"].Text!);
        foreach (var deployment in rendered.ServicePods)
        {
            var service = deployment["metadata"]["labels"]["program287g.io/service"].Text!;
            var env = RenderedOverlay.Container(deployment)["env"].Items.ToDictionary(variable => variable["name"].Text!);
            var database = DatabaseOf[service];
            var builder = new DbConnectionStringBuilder { ConnectionString = env[$"ConnectionStrings__{database}"]["value"].Text };
            builder["Host"].ShouldBe($"{cluster.Name}-rw", deployment.Name);
            builder["Database"].ShouldBe(database, deployment.Name);

            var owner = rendered.OfKind("Database").Single(db => db["spec"]["name"].Text == database)["spec"]["owner"].Text!;
            var roleSecret = roles[owner]["passwordSecret"]["name"].Text;
            var password = Reference().Match(builder["Password"].ToString()!).Groups[1].Value;
            env[password]["valueFrom"]["secretKeyRef"]["name"].Text.ShouldBe(roleSecret, deployment.Name);
            env[password]["valueFrom"]["secretKeyRef"]["key"].Text.ShouldBe("password");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_service_reads_the_broker_from_the_rabbitmq_operators_secret_and_notification_its_smtp_server(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        var broker = rendered.OfKind("RabbitmqCluster").Single();
        foreach (var deployment in rendered.ServicePods)
        {
            var env = RenderedOverlay.Container(deployment)["env"].Items.ToDictionary(variable => variable["name"].Text!);
            var messaging = env[$"ConnectionStrings__{ResourceNames.Messaging}"]["valueFrom"]["secretKeyRef"];
            messaging["name"].Text.ShouldBe($"{broker.Name}-default-user", deployment.Name);
            messaging["key"].Text.ShouldBe("connection_string");
            var isNotification = deployment["metadata"]["labels"]["program287g.io/service"].Text == ResourceNames.NotificationService;
            env.ContainsKey($"ConnectionStrings__{ResourceNames.Smtp}").ShouldBe(isNotification, deployment.Name);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Identity_and_the_collector_are_configuration_in_the_config_map(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        foreach (var deployment in rendered.ServicePods)
        {
            var config = rendered.ConfigFor(deployment);
            Uri.TryCreate(config["Auth__Authority"], UriKind.Absolute, out var authority).ShouldBeTrue();
            authority!.Scheme.ShouldBe("https");
            config["Auth__Audience"].ShouldNotBeNullOrWhiteSpace();
            Uri.TryCreate(config["OTEL_EXPORTER_OTLP_ENDPOINT"], UriKind.Absolute, out _).ShouldBeTrue(deployment.Name);
        }
    }

    [GeneratedRegex("(?i)password|secret|signingkey|token|apikey|connectionstrings__")]
    private static partial Regex SecretName();

    /// <summary>A literal password in a connection string, or user:password@ in a URL.</summary>
    [GeneratedRegex(@"(?i)password\s*=\s*(?!\$\()[^;]+|://[^/\s:@]+:(?!\$\()[^@\s/]+@")]
    private static partial Regex Credentials();

    [GeneratedRegex(@"^\$\(([A-Za-z_][A-Za-z0-9_]*)\)$")]
    private static partial Regex Reference();
}
