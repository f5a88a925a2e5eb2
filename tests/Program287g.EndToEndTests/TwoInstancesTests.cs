using System.Diagnostics;
using Grpc.Net.Client;
using Program287g.Agency.V1;
using Program287g.Agreement.V1;
using Program287g.Nominee.V1;
using Program287g.Notification.V1;
using Program287g.Testing;

namespace Program287g.EndToEndTests;

/// <summary>Two instances of every service under the AppHost: both run, and callers reach both through the one address
/// the AppHost gives the service. (The work across them, made once, is the other tests of this collection's: an
/// acknowledgment, a nomination and an emailed application, each through the whole system.)</summary>
[Collection(TwoInstancesCollection.Name)]
public sealed class TwoInstancesTests(TwoInstancesFixture system)
{
    // The orchestrator's proxy spreads connections, not calls, over the instances: every call here opens its own.
    private const int Connections = 24;

    public static TheoryData<string> Services => [.. AppHostFixture.Services];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Calls_to_the_services_one_address_reach_both_of_its_instances(string service)
    {
        using var listener = Tracing.ListenToEverything();
        using var source = new ActivitySource("Program287g.EndToEndTests");
        string traceId;
        using (var calls = source.StartActivity($"{Connections} connections to {service}", ActivityKind.Client)!)
        {
            traceId = calls.TraceId.ToString();
            for (var i = 0; i < Connections; i++)
            {
                using var channel = system.Channel(service, system.Tokens.Staff());
                await ListAsync(service, channel);
            }
        }
        var spanName = $"POST /{ServerMethodOf(service)}";
        // Each instance exports its spans on its own schedule: wait for every call's server span before reading them.
        var served = await Eventually.ReturnsAsync(async () => (await DashboardTelemetry.SpansAsync(system.Dashboard, $"traceId={traceId}"))
            .Where(s => s.Service == service && s.Name == spanName).ToList(), spans => spans.Count == Connections, TimeSpan.FromSeconds(30));
        var instances = served.Select(s => s.Instance).Distinct().ToList();
        instances.Count.ShouldBe(2, $"the {Connections} calls' server spans came from the instances [{string.Join(", ", instances)}]");
    }

    private static string ServerMethodOf(string service) => service switch
    {
        ResourceNames.AgencyService => "program287g.agency.v1.AgencyService/ListAgencies",
        ResourceNames.AgreementService => "program287g.agreement.v1.AgreementService/ListParticipatingAgreements",
        ResourceNames.NomineeService => "program287g.nominee.v1.NomineeService/ListTrainingCourses",
        ResourceNames.NotificationService => "program287g.notification.v1.NotificationService/ListHolidays",
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
    };

    private static async Task ListAsync(string service, GrpcChannel channel)
    {
        switch (service)
        {
            case ResourceNames.AgencyService:
                await new AgencyService.AgencyServiceClient(channel).ListAgenciesAsync(new ListAgenciesRequest { PageSize = 1 });
                break;
            case ResourceNames.AgreementService:
                await new AgreementService.AgreementServiceClient(channel).ListParticipatingAgreementsAsync(new ListParticipatingAgreementsRequest { Model = Program287g.Agreement.V1.Model.Jem });
                break;
            case ResourceNames.NomineeService:
                await new NomineeService.NomineeServiceClient(channel).ListTrainingCoursesAsync(new ListTrainingCoursesRequest { Model = Program287g.Agreement.V1.Model.Jem });
                break;
            case ResourceNames.NotificationService:
                await new NotificationService.NotificationServiceClient(channel).ListHolidaysAsync(new ListHolidaysRequest { Year = DateTime.UtcNow.Year });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(service), service, null);
        }
    }
}
