namespace Program287g.UnitTests.Deployment;

/// <summary>Default deny, and exactly the connections the code makes: the gRPC calls read off the protos each service
/// compiles as a client, the servers every service uses, the identity provider's https port, SMTP and IMAP for
/// Notification alone. The pods are the rendered Deployments' and, for the operators' pods, the labels those operators
/// give them.</summary>
public sealed class NetworkPolicyTests
{
    private const string Namespace = "program287g";
    private static readonly Endpoint OutsideMailServer = Endpoint.External("203.0.113.25");

    /// <summary>The issuer is named, not addressed (Auth__Authority); the policy allows any address, so any stands for it.</summary>
    private static readonly Endpoint OutsideIssuer = Endpoint.External("198.51.100.7");

    public static TheoryData<string> Overlays => [RenderedOverlay.Dev, RenderedOverlay.Production];

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Everything_in_the_namespace_is_denied_unless_a_policy_allows_it(string overlay)
    {
        RenderedOverlay.Of(overlay).OfKind("NetworkPolicy").ShouldContain(policy =>
            !policy["spec"]["podSelector"].Entries.Any() && !policy["spec"]["ingress"].Exists && !policy["spec"]["egress"].Exists
            && policy["spec"]["policyTypes"].Items.Select(t => t.Text).Order().SequenceEqual(new[] { "Egress", "Ingress" }));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Services_reach_exactly_the_services_they_call_over_grpc_and_no_ones_health_port(string overlay)
    {
        var (rendered, policies) = Load(overlay);
        var calls = ServiceCalls.InTheCode();
        calls.ShouldContain((ResourceNames.AgreementService, ResourceNames.AgencyService), "the code's own edges were read");
        foreach (var caller in rendered.ServicePods)
        {
            var from = PodOf(caller);
            var callerService = from.Labels["program287g.io/service"];
            foreach (var callee in rendered.ServicePods.Where(other => other.Name != caller.Name))
            {
                var to = PodOf(callee);
                var calleeService = to.Labels["program287g.io/service"];
                var called = calls.Contains((callerService, calleeService));
                policies.Allows(from, to, 8080).ShouldBe(called, $"{caller.Name} -> {callee.Name} gRPC");
                policies.Allows(from, to, 8081).ShouldBeFalse($"{caller.Name} -> {callee.Name} health");
                if (called)
                {
                    rendered.ConfigFor(caller)[$"services__{calleeService}__{ResourceNames.GrpcEndpoint}__0"]
                        .ShouldBe($"http://{calleeService}:8080", $"{caller.Name} finds {calleeService} by its Service");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_service_reaches_postgres_rabbitmq_the_collector_and_dns_and_only_notification_reaches_mail_servers(string overlay)
    {
        var (rendered, policies) = Load(overlay);
        var postgres = Endpoint.Pod(Namespace, ("cnpg.io/cluster", rendered.OfKind("Cluster").Single().Name), ("cnpg.io/instanceRole", "primary"));
        var broker = Endpoint.Pod(Namespace, ("app.kubernetes.io/name", rendered.OfKind("RabbitmqCluster").Single().Name),
            ("app.kubernetes.io/component", "rabbitmq"));
        var dns = Endpoint.Pod("kube-system", ("k8s-app", "kube-dns"));
        foreach (var deployment in rendered.ServicePods)
        {
            var pod = PodOf(deployment);
            var collector = new Uri(rendered.ConfigFor(deployment)["OTEL_EXPORTER_OTLP_ENDPOINT"]);
            var collectorPod = Endpoint.Pod(collector.Host.Split('.')[1], ("app.kubernetes.io/name", "opentelemetry-collector"));
            policies.Allows(pod, postgres, 5432).ShouldBeTrue(deployment.Name);
            policies.Allows(pod, broker, 5672).ShouldBeTrue(deployment.Name);
            policies.Allows(pod, collectorPod, collector.Port).ShouldBeTrue(deployment.Name);
            policies.Allows(pod, dns, 53, "UDP").ShouldBeTrue(deployment.Name);
            var sendsMail = pod.Labels["program287g.io/service"] == ResourceNames.NotificationService;
            foreach (var port in new[] { 25, 465, 587, 143, 993 })
            {
                policies.Allows(pod, OutsideMailServer, port).ShouldBe(sendsMail, $"{deployment.Name} mail port {port}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_service_reaches_the_openid_connect_issuer_on_its_https_port_and_the_outside_on_no_other(string overlay)
    {
        var (rendered, policies) = Load(overlay);
        foreach (var deployment in rendered.ServicePods)
        {
            var pod = PodOf(deployment);
            var authority = new Uri(rendered.ConfigFor(deployment)["Auth__Authority"]);
            authority.Scheme.ShouldBe("https");
            policies.Allows(pod, OutsideIssuer, authority.Port).ShouldBeTrue($"{deployment.Name} -> {authority.Authority}");
            foreach (var port in new[] { 80, 8080, 8443, 5432 })
            {
                policies.Allows(pod, OutsideIssuer, port).ShouldBeFalse($"{deployment.Name} reaches the internet on {port}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Only_labelled_clients_call_the_services_and_nobody_else_reaches_the_servers(string overlay)
    {
        var (rendered, policies) = Load(overlay);
        var stranger = Endpoint.Pod(Namespace, ("app", "stranger"));
        var elsewhere = Endpoint.Pod("default", ("app", "stranger"));
        var client = Endpoint.Pod(Namespace, ("program287g.io/client", "true"));
        var gateway = Endpoint.Pod("ingress", new Dictionary<string, string> { ["app"] = "gateway" },
            new Dictionary<string, string> { ["program287g.io/clients"] = "true" });
        foreach (var deployment in rendered.ServicePods)
        {
            var pod = PodOf(deployment);
            policies.Allows(stranger, pod, 8080).ShouldBeFalse(deployment.Name);
            policies.Allows(elsewhere, pod, 8080).ShouldBeFalse(deployment.Name);
            policies.Allows(client, pod, 8080).ShouldBeTrue(deployment.Name);
            policies.Allows(gateway, pod, 8080).ShouldBeTrue(deployment.Name);
        }
        var postgres = Endpoint.Pod(Namespace, ("cnpg.io/cluster", rendered.OfKind("Cluster").Single().Name));
        var broker = Endpoint.Pod(Namespace, ("app.kubernetes.io/name", rendered.OfKind("RabbitmqCluster").Single().Name),
            ("app.kubernetes.io/component", "rabbitmq"));
        policies.Allows(stranger, postgres, 5432).ShouldBeFalse();
        policies.Allows(client, broker, 5672).ShouldBeFalse();
        // The operators still run their clusters: instances replicate, nodes cluster, operators reach their status ports.
        policies.Allows(postgres, postgres, 5432).ShouldBeTrue();
        policies.Allows(Endpoint.Pod("cnpg-system", ("app.kubernetes.io/name", "cloudnative-pg")), postgres, 8000).ShouldBeTrue();
        policies.Allows(broker, broker, 25672).ShouldBeTrue();
        policies.Allows(Endpoint.Pod("rabbitmq-system", ("app.kubernetes.io/component", "rabbitmq-operator")), broker, 15672).ShouldBeTrue();
    }

    private static (RenderedOverlay Rendered, NetworkPolicies Policies) Load(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        return (rendered, new NetworkPolicies(rendered.OfKind("NetworkPolicy")));
    }

    private static Endpoint PodOf(Yaml deployment) =>
        Endpoint.Pod(deployment["metadata"]["namespace"].Text!, deployment["spec"]["template"]["metadata"]["labels"].Strings);
}
