using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Program287g.Agency.V1;
using Program287g.Contracts.Agency;
using Program287g.Testing;

namespace Program287g.EndToEndTests;

/// <summary>One trace from the caller's gRPC call, through the Agency service's transaction and outbox dispatcher,
/// over RabbitMQ, into a consumer: here a probe the test attaches to the system's own broker.</summary>
[Collection(AppHostCollection.Name)]
public sealed class TracingAcrossTheBusTests(AppHostFixture system)
{
    [Fact]
    public async Task A_registration_and_the_event_it_raises_share_one_trace_from_the_call_to_the_consumer()
    {
        using var listener = Tracing.ListenToEverything();
        await using var probe = await BusProbe.StartAsync((await system.App.GetConnectionStringAsync(ResourceNames.Messaging))!);
        using var source = new ActivitySource("Program287g.EndToEndTests");
        var client = new AgencyService.AgencyServiceClient(system.Channel(ResourceNames.AgencyService, system.Tokens.Staff()));

        string traceId;
        string agencyId;
        using (var call = source.StartActivity("staff registers an agency", ActivityKind.Client)!)
        {
            traceId = call.TraceId.ToString();
            agencyId = (await client.RegisterAgencyAsync(new RegisterAgencyRequest
            {
                Name = $"Trace County Sheriff's Office {Guid.NewGuid():N}",
                State = "GA",
                Type = AgencyType.County,
                Kind = AgencyKind.SheriffsOffice,
                PointOfContact = new PointOfContact { Name = "Pat Roe", Email = "pat.roe@example.gov" },
            })).Agency.AgencyId;
        }

        var consumed = await Eventually.ReturnsAsync(() => Task.FromResult(probe.Seen.GetValueOrDefault(Guid.Parse(agencyId))),
            seen => seen is not null, TimeSpan.FromSeconds(60));
        consumed!.ShouldBe(traceId);

        // The service's side of the same trace, as the dashboard shows it: the RPC and the outbox's publish.
        var names = (await DashboardTelemetry.WaitForSpansAsync(system.Dashboard, $"traceId={traceId}", TimeSpan.FromSeconds(30),
                ExpectedSpan.Named(ResourceNames.AgencyService, "outbox publish"),
                ExpectedSpan.Named(ResourceNames.AgencyService, "POST /program287g.agency.v1.AgencyService/RegisterAgency"),
                ExpectedSpan.Database(ResourceNames.AgencyService)))
            .Select(span => span.Name).ToList();
        names.ShouldContain("outbox publish");
        names.ShouldContain("POST /program287g.agency.v1.AgencyService/RegisterAgency");
        names.ShouldContain(name => name.StartsWith("postgresql", StringComparison.Ordinal));
    }

    /// <summary>A consumer on its own queue, bound to AgencyRegistered, recording each event's trace id.</summary>
    private sealed class BusProbe(ServiceProvider services, IBusControl bus) : IAsyncDisposable
    {
        public ConcurrentDictionary<Guid, string> Seen { get; } = services.GetRequiredService<ConcurrentDictionary<Guid, string>>();

        public static async Task<BusProbe> StartAsync(string amqpUri)
        {
            var services = new ServiceCollection()
                .AddSingleton(new ConcurrentDictionary<Guid, string>())
                .AddMassTransit(bus =>
                {
                    bus.AddConsumer<Recorder>();
                    bus.UsingRabbitMq((context, rabbit) =>
                    {
                        rabbit.Host(new Uri(amqpUri));
                        rabbit.ReceiveEndpoint($"e2e-probe-{Guid.NewGuid():N}", endpoint =>
                        {
                            endpoint.AutoDelete = true;
                            endpoint.Durable = false;
                            endpoint.ConfigureConsumer<Recorder>(context);
                        });
                    });
                })
                .BuildServiceProvider();
            var bus = services.GetRequiredService<IBusControl>();
            await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
            return new BusProbe(services, bus);
        }

        public async ValueTask DisposeAsync()
        {
            await bus.StopAsync();
            await services.DisposeAsync();
        }
    }

    private sealed class Recorder(ConcurrentDictionary<Guid, string> seen) : IConsumer<AgencyRegistered>
    {
        public Task Consume(ConsumeContext<AgencyRegistered> context)
        {
            seen[context.Message.AgencyId] = Activity.Current?.TraceId.ToString() ?? "no trace";
            return Task.CompletedTask;
        }
    }
}
