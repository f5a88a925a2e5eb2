using Google.Protobuf;
using Program287g.Agency.V1;
using Program287g.Agreement.V1;
using Program287g.Nominee.V1;
using ProtoDate = Google.Type.Date;

namespace Program287g.EndToEndTests.Console;

/// <summary>What the nominee pages' tests start from, put in through the services' gRPC APIs as staff: an agency with a
/// signed agreement, and an eligible officer nominated under it.</summary>
public sealed class PipelineData(AppHostFixture system)
{
    private readonly string _token = system.Tokens.Staff();

    public static ProtoDate DaysAgo(int days)
    {
        var day = Program287g.Domain.ProgramTime.DateOf(DateTimeOffset.UtcNow).AddDays(-days);
        return new ProtoDate { Year = day.Year, Month = day.Month, Day = day.Day };
    }

    public async Task<Agency.V1.Agency> AgencyAsync(string name, string state)
    {
        using var channel = system.Channel(ResourceNames.AgencyService, _token);
        return (await new AgencyService.AgencyServiceClient(channel).RegisterAgencyAsync(new RegisterAgencyRequest
        {
            Name = name, State = state, Type = AgencyType.County, Kind = AgencyKind.SheriffsOffice,
            PointOfContact = new PointOfContact { Name = "Pat Roe", Email = $"pat.{Guid.NewGuid():N}@pipeline.example.gov" },
        })).Agency;
    }

    /// <summary>An application ICE signed yesterday: the agreement officers are nominated under.</summary>
    public async Task<Agreement.V1.Agreement> SignedAgreementAsync(string agencyId, Model model = Model.Jem)
    {
        using var channel = system.Channel(ResourceNames.AgreementService, _token);
        var agreements = new AgreementService.AgreementServiceClient(channel);
        SignedDocument Signed(string text) => new()
        {
            Data = ByteString.CopyFromUtf8(text), SignerName = "Pat Roe", SignerTitle = "Sheriff", SignedOn = DaysAgo(3),
        };
        var application = (await agreements.SubmitApplicationAsync(new SubmitApplicationRequest
        {
            AgencyId = agencyId, Model = model, LetterOfInterest = Signed("%PDF LoI"), Moa = Signed("%PDF MOA"),
        })).Agreement;
        return (await agreements.SignAgreementAsync(new SignAgreementRequest
        {
            AgreementId = application.AgreementId,
            IceSignature = new Signature { SignerName = "Ana Official", SignerTitle = "Field Office Director", SignedOn = DaysAgo(1) },
        })).Agreement;
    }

    public async Task<Nominee.V1.Nominee> NominateAsync(string agencyId, string agreementId, string givenName, string familyName)
    {
        using var channel = system.Channel(ResourceNames.NomineeService, _token);
        return (await new NomineeService.NomineeServiceClient(channel).NominateOfficerAsync(new NominateOfficerRequest
        {
            AgencyId = agencyId, AgreementId = agreementId,
            Officer = new Officer
            {
                GivenName = givenName, FamilyName = familyName, BadgeNumber = $"B-{Guid.NewGuid():N}"[..12],
                DateOfBirth = new ProtoDate { Year = 1985, Month = 5, Day = 17 }, Email = $"{givenName}.{familyName}@pipeline.example.gov",
            },
            UsCitizen = true,
            FirstSwornOn = new ProtoDate { Year = 2012, Month = 3, Day = 1 },
            Attestation = new AgencyHeadAttestation
            {
                AttestedBy = "Pat Roe", Title = "Sheriff", AttestedOn = DaysAgo(0), KnowsAndHasEnforcedJurisdictionLaws = true,
            },
        })).Nominee;
    }

    public async Task<Nominee.V1.Nominee> NomineeAsync(string nomineeId)
    {
        using var channel = system.Channel(ResourceNames.NomineeService, _token);
        return (await new NomineeService.NomineeServiceClient(channel).GetNomineeAsync(new GetNomineeRequest { NomineeId = nomineeId })).Nominee;
    }
}
