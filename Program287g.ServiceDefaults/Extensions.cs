using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Program287g.ServiceDefaults;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Grpc;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every Program287g service gets: the Aspire template's defaults (telemetry, health, discovery)
/// plus the gRPC server defaults, authentication and the error model. A service's Program.cs calls
/// <see cref="AddServiceDefaults{TBuilder}"/> and <see cref="MapDefaultEndpoints"/> and nothing else of this.</summary>
public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";
    private const string GrpcHealthPath = "/grpc.health.v1.Health";
    private static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(3);

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        // No blanket HTTP resilience handler: every client here is gRPC, whose retries must know which calls are
        // idempotent (see GrpcClientDefaults). Service discovery is all that every HttpClient needs.
        builder.Services.ConfigureHttpClientDefaults(http => http.AddServiceDiscovery());
        builder.AddDefaultAuthentication();
        builder.AddGrpcServerDefaults();
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TelemetrySources.MassTransit)
                .AddMeter(TelemetrySources.Program287g))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(TelemetrySources.MassTransit)
                .AddSource(TelemetrySources.Program287g)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbe(context.Request.Path))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation(options =>
                    options.FilterHttpRequestMessage = request => !IsProbe(request.RequestUri?.AbsolutePath)));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>Health probes run every few seconds; tracing them would bury the real traffic.</summary>
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(HealthEndpointPath) || path.StartsWithSegments(AlivenessEndpointPath)
        || path.StartsWithSegments(GrpcHealthPath);

    private static bool IsProbe(string? path) => path is not null && IsProbe(new PathString(path));

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [HealthTags.Live]);
        // The health service logs every failed check as an error, so each start (broker connecting, migrations
        // running) painted every service red in the dashboard. Readiness is reported where it belongs: /health,
        // grpc.health.v1 and the resource's state; the causes are logged by the parts that fail.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Critical);
        // A probe must answer within its caller's deadline: a check that hangs (a dead server that never refuses)
        // counts as unhealthy after this long instead of holding the probe.
        builder.Services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations.Where(r => r.Timeout == System.Threading.Timeout.InfiniteTimeSpan))
            {
                registration.Timeout = HealthCheckTimeout;
            }
        });
        return builder;
    }

    /// <summary>/alive answers while the process runs; /health and grpc.health.v1 only when every dependency
    /// (database, migrations, broker) is reachable. Probes need no token.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthEndpointPath).AllowAnonymous();
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(HealthTags.Live),
        }).AllowAnonymous();
        app.MapGrpcServerDefaults();
        return app;
    }
}
