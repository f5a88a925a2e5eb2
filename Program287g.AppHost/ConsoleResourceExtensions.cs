using System.Globalization;

namespace Program287g.AppHost;

public static class ConsoleResourceExtensions
{
    /// <summary>The staff console: one web endpoint (HTTP/1.1, the browser's), references to the four services it calls
    /// with each person's token, and the development key so that under ./run.sh its sign-in form can mint the tokens the
    /// services accept. It starts once the services are healthy, so the first page a person opens has someone to ask.</summary>
    public static IResourceBuilder<ProjectResource> AddStaffConsole<TProject>(this IDistributedApplicationBuilder builder,
        ServicePorts ports, IResourceBuilder<ParameterResource> signingKey, params IResourceBuilder<ProjectResource>[] services)
        where TProject : IProjectMetadata, new()
    {
        var port = ports.ConsolePort();
        Console.WriteLine($"  {ResourceNames.Console,-13} {string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}")}   (sign in as program staff or an agency user)");
        var console = builder.AddProject<TProject>(ResourceNames.Console, launchProfileName: null)
            .WithEndpoint(ResourceNames.HttpEndpoint, endpoint =>
            {
                endpoint.UriScheme = "http";
                endpoint.Port = port;
                endpoint.TargetPort = port;
                endpoint.IsProxied = false;
            })
            .WithEnvironment($"Kestrel__Endpoints__{ResourceNames.HttpEndpoint}__Url", string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"))
            .WithEnvironment("Auth__SigningKey", signingKey)
            .WithEnvironment(context =>
            {
                if (context.ExecutionContext.IsRunMode)
                {
                    context.EnvironmentVariables["Auth__AllowDevelopmentKey"] = "true";
                }
            })
            .WithUrlForEndpoint(ResourceNames.HttpEndpoint, url => url.DisplayText = "staff console")
            .WithHttpHealthCheck("/health", endpointName: ResourceNames.HttpEndpoint);
        foreach (var service in services)
        {
            console.WithReference(service).WaitFor(service);
        }
        return console;
    }
}
