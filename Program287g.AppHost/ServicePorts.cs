using Microsoft.Extensions.Configuration;
using Program287g.LocalServers;

namespace Program287g.AppHost;

/// <summary>Ports for the services' two endpoints, and how many instances listen behind them. A single instance's
/// endpoints are not proxied by the orchestrator (its proxy accepts calls before a service is up, and one early gRPC
/// call was seen to run twice through it; several instances need it, and the services wait for each other's health
/// first), so the AppHost picks real ports: Services:{name}:GrpcPort / HttpPort when configured, else a stable default when
/// free (agency 5101/5201, agreement 5102/5202, ...), else any free port.</summary>
public sealed class ServicePorts(IConfiguration configuration)
{
    private static readonly string[] Order =
        [ResourceNames.AgencyService, ResourceNames.AgreementService, ResourceNames.NomineeService, ResourceNames.NotificationService];

    public (int Grpc, int Http) For(string service)
    {
        var index = Array.IndexOf(Order, service) + 1;
        var grpc = FreePort.Choose(configuration.GetValue<int?>($"Services:{service}:GrpcPort"), 5100 + index, $"{service} gRPC");
        var http = FreePort.Choose(configuration.GetValue<int?>($"Services:{service}:HttpPort"), 5200 + index, $"{service} HTTP");
        return (grpc, http);
    }

    /// <summary>The staff console's port: Services:console:HttpPort, else 5080 when free, else any free port.</summary>
    public int ConsolePort() =>
        FreePort.Choose(configuration.GetValue<int?>($"Services:{ResourceNames.Console}:HttpPort"), 5080, "console HTTP");

    /// <summary>How many instances of the service run: Services:{name}:Replicas, else Services:Replicas, else one.</summary>
    public int ReplicasOf(string service)
    {
        var replicas = configuration.GetValue<int?>($"Services:{service}:Replicas") ?? configuration.GetValue<int?>("Services:Replicas") ?? 1;
        return replicas >= 1 ? replicas
            : throw new InvalidOperationException($"Services:{service}:Replicas is {replicas}: a service runs as one instance or more.");
    }
}
