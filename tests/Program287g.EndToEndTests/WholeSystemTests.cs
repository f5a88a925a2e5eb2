using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Program287g.Agency.V1;
using Program287g.Testing;

namespace Program287g.EndToEndTests;

[Collection(AppHostCollection.Name)]
public sealed class WholeSystemTests(AppHostFixture system)
{
    public static TheoryData<string> Services => [.. AppHostFixture.Services];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_service_reports_serving_over_grpc_health(string service)
    {
        var response = await new Health.HealthClient(system.Channel(service)).CheckAsync(new HealthCheckRequest());
        response.Status.ShouldBe(HealthCheckResponse.Types.ServingStatus.Serving);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_service_answers_its_http_probes(string service)
    {
        using var http = new HttpClient { BaseAddress = system.App.GetEndpoint(service, ResourceNames.HttpEndpoint) };
        (await http.GetStringAsync("/health")).ShouldBe("Healthy");
        (await http.GetStringAsync("/alive")).ShouldBe("Healthy");
    }

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated()
    {
        var client = new AgencyService.AgencyServiceClient(system.Channel(ResourceNames.AgencyService));
        var refusal = await Should.ThrowAsync<RpcException>(() =>
            client.GetAgencyAsync(new GetAgencyRequest { AgencyId = Guid.NewGuid().ToString() }).ResponseAsync);
        refusal.StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task An_agency_registered_with_a_token_from_the_apphost_key_is_read_back_and_traced_in_the_dashboard()
    {
        using var listener = Tracing.ListenToEverything();
        using var source = new ActivitySource("Program287g.EndToEndTests");
        var client = new AgencyService.AgencyServiceClient(system.Channel(ResourceNames.AgencyService, system.Tokens.Staff()));
        string traceId;
        Program287g.Agency.V1.Agency registered;
        using (var call = source.StartActivity("staff registers a police department", ActivityKind.Client)!)
        {
            traceId = call.TraceId.ToString();
            registered = (await client.RegisterAgencyAsync(new RegisterAgencyRequest
            {
                Name = $"End To End Police Department {Guid.NewGuid():N}",
                State = "Florida",
                Type = AgencyType.Municipality,
                Kind = AgencyKind.PoliceDepartment,
                PointOfContact = new PointOfContact { Name = "Pat Roe", Email = "pat.roe@example.gov" },
            })).Agency;
        }
        (await client.GetAgencyAsync(new GetAgencyRequest { AgencyId = registered.AgencyId })).Agency.ShouldBe(registered);

        // This call's own trace (a query of the whole service could miss it behind newer spans), then the service's
        // spans since: the health probes, each a trace of its own, must be in none of them.
        var traced = await DashboardTelemetry.WaitForSpansAsync(system.Dashboard, $"traceId={traceId}", TimeSpan.FromSeconds(30),
            ExpectedSpan.Named(ResourceNames.AgencyService, "POST /program287g.agency.v1.AgencyService/RegisterAgency"),
            ExpectedSpan.Database(ResourceNames.AgencyService));
        traced.ShouldContain(span => span.Name.StartsWith("postgresql", StringComparison.Ordinal));
        var everything = await DashboardTelemetry.SpansAsync(system.Dashboard, $"resource={ResourceNames.AgencyService}");
        everything.ShouldNotContain(span => span.Name.Contains("grpc.health", StringComparison.Ordinal) || span.Name.Contains("/health", StringComparison.Ordinal));
    }
}
