using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Program287g.UnitTests.Deployment;

/// <summary>The service pods of both overlays: probes on the endpoints the services serve them on, resources, the user
/// the images run as, a read-only root.</summary>
public sealed partial class ServicePodTests
{
    public static TheoryData<string> Overlays => [RenderedOverlay.Dev, RenderedOverlay.Production];

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Each_overlay_renders_one_deployment_and_one_service_for_every_service_and_no_other_service_pods(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        foreach (var service in RenderedOverlay.Services)
        {
            rendered.Named("Deployment", service)["metadata"]["labels"]["program287g.io/service"].Text.ShouldBe(service);
            rendered.Named("Service", service)["spec"]["selector"]["program287g.io/service"].Text.ShouldBe(service);
        }
        rendered.ServicePods.Select(deployment => deployment.Name).ShouldBe(RenderedOverlay.Services, ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Readiness_is_probed_on_health_liveness_on_alive_and_startup_on_alive_all_on_the_http_endpoint(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        foreach (var deployment in rendered.ServicePods)
        {
            var container = RenderedOverlay.Container(deployment);
            var config = rendered.ConfigFor(deployment);
            var ports = container["ports"].Items.ToDictionary(port => port["name"].Text!, port => port["containerPort"].Number);
            // The endpoints the AppHost names: gRPC alone on HTTP/2, the probes on HTTP/1.1 (Kestrel cannot offer both
            // on one plain-text port), the ports the pod declares.
            config[$"Kestrel__Endpoints__{ResourceNames.GrpcEndpoint}__Protocols"].ShouldBe("Http2");
            config[$"Kestrel__Endpoints__{ResourceNames.HttpEndpoint}__Protocols"].ShouldBe("Http1");
            ports[ResourceNames.GrpcEndpoint].ShouldBe(PortOf(config[$"Kestrel__Endpoints__{ResourceNames.GrpcEndpoint}__Url"]));
            ports[ResourceNames.HttpEndpoint].ShouldBe(PortOf(config[$"Kestrel__Endpoints__{ResourceNames.HttpEndpoint}__Url"]));

            ProbePath(container["readinessProbe"]).ShouldBe(Microsoft.Extensions.Hosting.Extensions.HealthEndpointPath, deployment.Name);
            ProbePath(container["livenessProbe"]).ShouldBe(Microsoft.Extensions.Hosting.Extensions.AlivenessEndpointPath, deployment.Name);
            ProbePath(container["startupProbe"]).ShouldBe(Microsoft.Extensions.Hosting.Extensions.AlivenessEndpointPath, deployment.Name);
            foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
            {
                container[probe]["httpGet"]["port"].Text.ShouldBe(ResourceNames.HttpEndpoint, $"{deployment.Name} {probe}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_service_port_points_at_the_pods_grpc_and_http_endpoints(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        foreach (var service in RenderedOverlay.Services)
        {
            var ports = rendered.Named("Service", service)["spec"]["ports"].Items.ToDictionary(port => port["name"].Text!);
            ports[ResourceNames.GrpcEndpoint]["targetPort"].Text.ShouldBe(ResourceNames.GrpcEndpoint);
            ports[ResourceNames.GrpcEndpoint]["appProtocol"].Text.ShouldBe("kubernetes.io/h2c");
            ports[ResourceNames.HttpEndpoint]["targetPort"].Text.ShouldBe(ResourceNames.HttpEndpoint);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_service_pod_asks_for_cpu_and_memory_and_is_bounded_in_both(string overlay)
    {
        foreach (var deployment in RenderedOverlay.Of(overlay).ServicePods)
        {
            var resources = RenderedOverlay.Container(deployment)["resources"];
            foreach (var bound in new[] { "requests", "limits" })
            {
                foreach (var resource in new[] { "cpu", "memory" })
                {
                    resources[bound][resource].Text.ShouldNotBeNullOrEmpty($"{deployment.Name} {bound}.{resource}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Pods_run_as_the_images_non_root_user_without_privileges_on_a_read_only_root(string overlay)
    {
        var props = XDocument.Load(Path.Combine(RenderedOverlay.RepositoryRoot(), "services", "Directory.Build.props"));
        var imageUser = props.Descendants("ContainerUser").Single().Value;
        foreach (var deployment in RenderedOverlay.Of(overlay).ServicePods)
        {
            var pod = deployment["spec"]["template"]["spec"];
            pod["securityContext"]["runAsNonRoot"].Text.ShouldBe("true", deployment.Name);
            pod["securityContext"]["runAsUser"].Text.ShouldBe(imageUser, deployment.Name);
            pod["automountServiceAccountToken"].Text.ShouldBe("false", deployment.Name);
            var container = RenderedOverlay.Container(deployment)["securityContext"];
            container["allowPrivilegeEscalation"].Text.ShouldBe("false", deployment.Name);
            container["readOnlyRootFilesystem"].Text.ShouldBe("true", deployment.Name);
            container["capabilities"]["drop"].Items.Select(c => c.Text).ShouldContain("ALL", deployment.Name);
        }
    }

    private static string? ProbePath(Yaml probe) => probe["httpGet"]["path"].Text;

    private static int PortOf(string url) => int.Parse(PortPattern().Match(url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@":(\d+)/?$")]
    private static partial Regex PortPattern();
}
