using System.Diagnostics;
using Google.Protobuf;
using Program287g.Agency.V1;
using Program287g.Agreement.V1;
using Program287g.Nominee.V1;
using Program287g.Testing;
using ProtoDate = Google.Type.Date;

namespace Program287g.EndToEndTests;

public abstract class NominationAcrossServices(AppHostFixture system)
{
    private static ProtoDate DaysAgo(int days)
    {
        var day = Program287g.Domain.ProgramTime.DateOf(DateTimeOffset.UtcNow).AddDays(-days);
        return new ProtoDate { Year = day.Year, Month = day.Month, Day = day.Day };
    }

    [Fact]
    public async Task A_nomination_asks_the_agreement_and_agency_services_and_the_agreements_suspension_reaches_the_officer_over_the_bus()
    {
        using var listener = Tracing.ListenToEverything();
        using var source = new ActivitySource("Program287g.EndToEndTests");
        var token = system.Tokens.Staff();
        var agencies = new AgencyService.AgencyServiceClient(system.Channel(ResourceNames.AgencyService, token));
        var agreements = new AgreementService.AgreementServiceClient(system.Channel(ResourceNames.AgreementService, token));
        var nominees = new NomineeService.NomineeServiceClient(system.Channel(ResourceNames.NomineeService, token));
        var agency = (await agencies.RegisterAgencyAsync(new RegisterAgencyRequest
        {
            Name = $"Nominating County Sheriff's Office {Guid.NewGuid():N}", State = "GA", Type = AgencyType.County,
            Kind = AgencyKind.SheriffsOffice, PointOfContact = new PointOfContact { Name = "Pat Roe", Email = "pat.roe@example.gov" },
        })).Agency;
        SignedDocument Signed(string text) => new()
        {
            Data = ByteString.CopyFromUtf8(text), SignerName = "Pat Roe", SignerTitle = "Sheriff", SignedOn = DaysAgo(3),
        };
        var application = (await agreements.SubmitApplicationAsync(new SubmitApplicationRequest
        {
            AgencyId = agency.AgencyId, Model = Model.Jem, LetterOfInterest = Signed("%PDF LoI"), Moa = Signed("%PDF MOA"),
        })).Agreement;
        var agreement = (await agreements.SignAgreementAsync(new SignAgreementRequest
        {
            AgreementId = application.AgreementId,
            IceSignature = new Signature { SignerName = "Ana Official", SignerTitle = "Field Office Director", SignedOn = DaysAgo(1) },
        })).Agreement;

        string traceId;
        Program287g.Nominee.V1.Nominee nominee;
        using (var call = source.StartActivity("sheriff nominates an officer", ActivityKind.Client)!)
        {
            traceId = call.TraceId.ToString();
            nominee = (await nominees.NominateOfficerAsync(new NominateOfficerRequest
            {
                AgencyId = agency.AgencyId, AgreementId = agreement.AgreementId,
                Officer = new Officer
                {
                    GivenName = "Jordan", FamilyName = "Rivera", BadgeNumber = "GA-1", DateOfBirth = new ProtoDate { Year = 1985, Month = 5, Day = 17 },
                    Email = "jordan.rivera@example.gov",
                },
                UsCitizen = true, FirstSwornOn = new ProtoDate { Year = 2012, Month = 3, Day = 1 },
                Attestation = new AgencyHeadAttestation
                {
                    AttestedBy = "Pat Roe", Title = "Sheriff", AttestedOn = DaysAgo(0), KnowsAndHasEnforcedJurisdictionLaws = true,
                },
            })).Nominee;
        }
        nominee.Status.ShouldBe(Program287g.Nominee.V1.NomineeStatus.Eligible);
        nominee.Agency.Name.ShouldBe(agency.Name);
        nominee.Agreement.ReferenceNumber.ShouldBe(agreement.ReferenceNumber);
        // One span from each of three services, each exported on its own schedule: wait for all of them.
        var spans = await DashboardTelemetry.WaitForSpansAsync(system.Dashboard, $"traceId={traceId}", TimeSpan.FromSeconds(30),
            ExpectedSpan.Named(ResourceNames.NomineeService, "POST /program287g.nominee.v1.NomineeService/NominateOfficer"),
            ExpectedSpan.Named(ResourceNames.AgreementService, "POST /program287g.agreement.v1.AgreementService/GetAgreement"),
            ExpectedSpan.Named(ResourceNames.AgencyService, "POST /program287g.agency.v1.AgencyService/GetAgency"),
            ExpectedSpan.Database(ResourceNames.NomineeService),
            // The caller's own client span of the same call: ApplicationAcrossServicesTests reads its absence.
            ExpectedSpan.Named(ResourceNames.NomineeService, "program287g.agency.v1.AgencyService/GetAgency"));
        spans.ShouldContain(span => span.Service == ResourceNames.NomineeService && span.Name.StartsWith("postgresql", StringComparison.Ordinal));

        var today = DaysAgo(0);
        var id = nominee.NomineeId;
        await nominees.StartBackgroundInvestigationAsync(new() { NomineeId = id, StartedOn = today });
        await nominees.RecordBackgroundResultAsync(new() { NomineeId = id, Outcome = BackgroundOutcome.Passed, CompletedOn = today });
        await nominees.EnrollInTrainingAsync(new() { NomineeId = id, CourseId = "jem-basic", StartsOn = today });
        await nominees.RecordExamResultAsync(new() { NomineeId = id, ExamId = "final", Attempt = 1, ScorePercent = 88, TakenOn = today });
        await nominees.CertifyOfficerAsync(new() { NomineeId = id, CertifiedOn = today, CertifiedBy = "Dana Trainer", CertifiedByTitle = "Manager" });
        await nominees.IssueAuthorizationAsync(new() { NomineeId = id, IssuedOn = today, IssuingOffice = "ERO Atlanta Field Office" });
        await agreements.SuspendAgreementAsync(new() { AgreementId = agreement.AgreementId, Reason = "serious misconduct inquiry" });

        var suspended = await Eventually.ReturnsAsync(async () => (await nominees.GetNomineeAsync(new() { NomineeId = id })).Nominee,
            n => n.Status == Program287g.Nominee.V1.NomineeStatus.Suspended, TimeSpan.FromSeconds(60));
        suspended.Authorization.SuspensionCause.ShouldBe(SuspensionCause.Agreement);
    }
}

[Collection(AppHostCollection.Name)]
public sealed class NominationAcrossServicesTests(AppHostFixture system) : NominationAcrossServices(system);

[Collection(TwoInstancesCollection.Name)]
public sealed class NominationAcrossTwoInstancesTests(TwoInstancesFixture system) : NominationAcrossServices(system);
