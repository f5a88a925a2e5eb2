extern alias NotificationService;

using System.Text.Json;
using NotificationService::Program287g.Notification.Sending;

namespace Program287g.UnitTests.Deployment;

/// <summary>How many pods run, how they go, and how long they are given to stop.</summary>
public sealed class ScalingTests
{
    private static readonly RenderedOverlay Production = RenderedOverlay.Of(RenderedOverlay.Production);

    [Fact]
    public void Production_runs_two_or_more_pods_of_every_service_with_rolling_updates_that_keep_them_all()
    {
        foreach (var service in RenderedOverlay.Services)
        {
            var spec = Production.Named("Deployment", service)["spec"];
            spec["replicas"].Number.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(2, service);
            spec["strategy"]["rollingUpdate"]["maxUnavailable"].Number.ShouldBe(0, service);
        }
    }

    [Fact]
    public void Production_keeps_every_service_available_through_a_disruption_budget_and_scales_it_with_an_autoscaler()
    {
        foreach (var service in RenderedOverlay.Services)
        {
            var deployment = Production.Named("Deployment", service);
            var podLabels = deployment["spec"]["template"]["metadata"]["labels"].Strings;
            var replicas = deployment["spec"]["replicas"].Number!.Value;

            var budget = Production.OfKind("PodDisruptionBudget").Single(pdb => NetworkPolicies.Matches(pdb["spec"]["selector"], podLabels));
            var disruptions = budget["spec"]["maxUnavailable"].Number ?? replicas - budget["spec"]["minAvailable"].Number!.Value;
            disruptions.ShouldBeInRange(1, replicas - 1, $"{service}: a drain may take one pod, never all");

            var autoscaler = Production.OfKind("HorizontalPodAutoscaler").Single(hpa => hpa["spec"]["scaleTargetRef"]["name"].Text == service);
            autoscaler["spec"]["scaleTargetRef"]["kind"].Text.ShouldBe("Deployment");
            autoscaler["spec"]["minReplicas"].Number.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(2, service);
            autoscaler["spec"]["maxReplicas"].Number.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(autoscaler["spec"]["minReplicas"].Number!.Value);
            autoscaler["spec"]["metrics"].Items.ShouldNotBeEmpty(service);
        }
    }

    [Fact]
    public void Dev_runs_one_pod_of_everything()
    {
        var dev = RenderedOverlay.Of(RenderedOverlay.Dev);
        dev.ServicePods.ShouldAllBe(deployment => deployment["spec"]["replicas"].Number == 1);
        dev.Named("Cluster", ResourceNames.Postgres)["spec"]["instances"].Number.ShouldBe(1);
        dev.Named("RabbitmqCluster", ResourceNames.Messaging)["spec"]["replicas"].Number.ShouldBe(1);
        dev.OfKind("PodDisruptionBudget").ShouldBeEmpty("one pod behind a budget would block every drain of the node");
    }

    [Theory]
    [InlineData(RenderedOverlay.Dev)]
    [InlineData(RenderedOverlay.Production)]
    public void Every_notification_pod_has_the_mailbox_from_its_secret_and_no_deployment_is_set_apart_to_read_it(string overlay)
    {
        // The pods elect the reader by an advisory lock (MailboxLease), so any of them may read, and none needs to be
        // the only one: no separate Deployment, no Recreate, no pinned replica count.
        var rendered = RenderedOverlay.Of(overlay);
        var notification = rendered.ServicePods
            .Where(deployment => deployment["metadata"]["labels"]["program287g.io/service"].Text == ResourceNames.NotificationService)
            .ToList();
        notification.Select(deployment => deployment.Name).ShouldBe([ResourceNames.NotificationService]);
        var mailbox = RenderedOverlay.Container(notification[0])["env"].Items
            .Single(variable => variable["name"].Text == $"ConnectionStrings__{ResourceNames.Mailbox}");
        mailbox["value"].Exists.ShouldBeFalse("the mailbox's password is a secret");
        mailbox["valueFrom"]["secretKeyRef"]["name"].Text.ShouldBe("program287g-mail");
        mailbox["valueFrom"]["secretKeyRef"]["key"].Text.ShouldBe("mailbox");
        notification[0]["spec"]["strategy"]["type"].Text.ShouldNotBe("Recreate");
        rendered.ServicePods.Where(deployment => deployment.Name != ResourceNames.NotificationService)
            .ShouldAllBe(deployment => RenderedOverlay.Container(deployment)["env"].Items
                .All(variable => variable["name"].Text != $"ConnectionStrings__{ResourceNames.Mailbox}"));
    }

    [Theory]
    [InlineData(RenderedOverlay.Dev)]
    [InlineData(RenderedOverlay.Production)]
    public void Pods_are_given_longer_to_stop_than_the_notification_senders_attempt_timeout(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        foreach (var deployment in rendered.ServicePods)
        {
            var config = rendered.ConfigFor(deployment);
            var attempt = AttemptTimeout(RenderedOverlay.Container(deployment), config);
            var grace = TimeSpan.FromSeconds(deployment["spec"]["template"]["spec"]["terminationGracePeriodSeconds"].Number!.Value);
            var preStop = TimeSpan.FromSeconds(RenderedOverlay.Container(deployment)["lifecycle"]["preStop"]["sleep"]["seconds"].Number ?? 0);
            var hostStop = TimeSpan.FromSeconds(int.Parse(config["DOTNET_shutdownTimeoutSeconds"], System.Globalization.CultureInfo.InvariantCulture));

            grace.ShouldBeGreaterThan(attempt, deployment.Name);
            hostStop.ShouldBeGreaterThanOrEqualTo(attempt, $"{deployment.Name}: the host waits out an attempt");
            (preStop + hostStop).ShouldBeLessThan(grace, $"{deployment.Name}: the kubelet waits out the host");
        }
    }

    /// <summary>Notifications:Sending:AttemptTimeout as the service would read it: the pod's environment, else the
    /// ConfigMap's, else the service's appsettings.json, else SendingOptions' default.</summary>
    private static TimeSpan AttemptTimeout(Yaml container, IReadOnlyDictionary<string, string> config)
    {
        const string Key = "Notifications__Sending__AttemptTimeout";
        var configured = container["env"].Items.FirstOrDefault(variable => variable["name"].Text == Key)?["value"].Text
            ?? config.GetValueOrDefault(Key);
        if (configured is not null)
        {
            return TimeSpan.Parse(configured, System.Globalization.CultureInfo.InvariantCulture);
        }
        var appsettings = Path.Combine(RenderedOverlay.RepositoryRoot(), "services", "Notification", "appsettings.json");
        using var json = JsonDocument.Parse(File.ReadAllText(appsettings));
        if (json.RootElement.TryGetProperty("Notifications", out var notifications)
            && notifications.TryGetProperty("Sending", out var sending) && sending.TryGetProperty("AttemptTimeout", out var timeout))
        {
            return TimeSpan.Parse(timeout.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        }
        return new SendingOptions().AttemptTimeout;
    }
}
