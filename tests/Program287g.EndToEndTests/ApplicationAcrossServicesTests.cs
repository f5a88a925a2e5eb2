using System.Diagnostics;
using Google.Protobuf;
using Program287g.Agency.V1;
using Program287g.Agreement.V1;
using Program287g.Testing;

namespace Program287g.EndToEndTests;

[Collection(AppHostCollection.Name)]
public sealed class ApplicationAcrossServicesTests(AppHostFixture system)
{
    [Fact]
    public async Task A_registration_reaches_the_agreement_service_over_the_bus_and_its_application_carries_the_copied_agency()
    {
        using var listener = Tracing.ListenToEverything();
        using var source = new ActivitySource("Program287g.EndToEndTests");
        var agencies = new AgencyService.AgencyServiceClient(system.Channel(ResourceNames.AgencyService, system.Tokens.Staff()));
        var agreements = new AgreementService.AgreementServiceClient(system.Channel(ResourceNames.AgreementService, system.Tokens.Staff()));
        string registrationTrace;
        Program287g.Agency.V1.Agency agency;
        using (var call = source.StartActivity("agency registers", ActivityKind.Client)!)
        {
            registrationTrace = call.TraceId.ToString();
            agency = (await agencies.RegisterAgencyAsync(new RegisterAgencyRequest
            {
                Name = $"Across County Sheriff's Office {Guid.NewGuid():N}",
                State = "AR",
                Type = AgencyType.County,
                Kind = AgencyKind.SheriffsOffice,
                PointOfContact = new PointOfContact { Name = "Pat Roe", Email = "pat.roe@example.gov" },
            })).Agency;
        }
        // The registration's trace runs from the call through the outbox to the Agreement service, which copies the agency.
        var registration = await DashboardTelemetry.WaitForSpansAsync(system.Dashboard, $"traceId={registrationTrace}", TimeSpan.FromSeconds(30),
            ExpectedSpan.Named(ResourceNames.AgencyService, "POST /program287g.agency.v1.AgencyService/RegisterAgency"),
            ExpectedSpan.Named(ResourceNames.AgencyService, "outbox publish"),
            ExpectedSpan.Database(ResourceNames.AgreementService));
        registration.ShouldContain(span => span.Service == ResourceNames.AgreementService && span.Name.StartsWith("postgresql", StringComparison.Ordinal));
        var signedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3));
        SignedDocument Signed(string text) => new()
        {
            Data = ByteString.CopyFromUtf8(text), SignerName = "Pat Roe", SignerTitle = "Sheriff",
            SignedOn = new Google.Type.Date { Year = signedOn.Year, Month = signedOn.Month, Day = signedOn.Day },
        };

        string traceId;
        Program287g.Agreement.V1.Agreement application;
        using (var call = source.StartActivity("agency applies for WSO", ActivityKind.Client)!)
        {
            traceId = call.TraceId.ToString();
            application = (await agreements.SubmitApplicationAsync(new SubmitApplicationRequest
            {
                AgencyId = agency.AgencyId, Model = Model.Wso, LetterOfInterest = Signed("%PDF LoI"), Moa = Signed("%PDF MOA"),
            })).Agreement;
        }

        application.Status.ShouldBe(AgreementStatus.Pending);
        application.Agency.Name.ShouldBe(agency.Name);
        var spans = await DashboardTelemetry.WaitForSpansAsync(system.Dashboard, $"traceId={traceId}", TimeSpan.FromSeconds(30),
            ExpectedSpan.Named(ResourceNames.AgreementService, "POST /program287g.agreement.v1.AgreementService/SubmitApplication"),
            ExpectedSpan.Database(ResourceNames.AgreementService));
        spans.ShouldContain(span => span.Name.StartsWith("postgresql", StringComparison.Ordinal));
        // The Agreement service found the agency in its copy: it did not ask the Agency service. The Agency service's
        // server span of such a call could still be on its way, but the Agreement service's own client span of it
        // ("program287g.agency.v1.AgencyService/GetAgency") ends inside the RPC, so it is exported with the RPC's span
        // or before it: its absence now is the call's absence.
        spans.ShouldNotContain(span => span.Name.Contains("AgencyService/GetAgency", StringComparison.Ordinal));
    }
}
