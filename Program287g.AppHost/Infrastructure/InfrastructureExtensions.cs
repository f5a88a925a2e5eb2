using Program287g.LocalServers;

namespace Program287g.AppHost.Infrastructure;

public static class InfrastructureExtensions
{
    /// <summary>Adds PostgreSQL with one database per service, RabbitMQ, smtp4dev and the Dovecot mailbox, in the mode that
    /// Infrastructure:Mode asks for; auto means containers where a container runtime answers, else Debian's
    /// native servers.</summary>
    public static InfrastructureResources AddProgram287gInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var settings = InfrastructureSettings.From(builder.Configuration);
        var runtime = ContainerRuntimeProbe.RuntimeName(
            builder.Configuration["DcpPublisher:ContainerRuntime"] ?? builder.Configuration["ASPIRE_CONTAINER_RUNTIME"]);
        var mode = InfrastructureModeSelector.Resolve(
            InfrastructureModeSelector.Parse(settings.Mode),
            () => ContainerRuntimeProbe.IsHealthy(runtime, TimeSpan.FromSeconds(10)),
            () => NativePostgres.FindBinDirectory(settings.PostgresBinDirectory) is not null && NativeRabbitMq.IsInstalled());
        Console.WriteLine($"Program287g infrastructure: {mode.ToString().ToLowerInvariant()} (Infrastructure:Mode={settings.Mode ?? "auto"}, container runtime '{runtime}')");

        return mode switch
        {
            InfrastructureMode.Containers => ContainerInfrastructure.Add(builder, settings),
            InfrastructureMode.Native => NativeInfrastructure.Add(builder, settings),
            InfrastructureMode.External => ExternalInfrastructure.Add(builder),
            _ => throw new InvalidOperationException($"Unexpected infrastructure mode {mode}."),
        };
    }
}
