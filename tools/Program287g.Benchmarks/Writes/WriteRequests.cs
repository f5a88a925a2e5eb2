using System.Buffers.Binary;
using Google.Protobuf;
using Program287g.Agency.V1;
using Program287g.Agreement.V1;
using Program287g.Nominee.V1;
using ProtoDate = Google.Type.Date;

namespace Program287g.Benchmarks.Writes;

/// <summary>The requests both servers get, alike: valid law enforcement agencies with unique names, spread over
/// states, and applications with a letter of interest and an MOA of about 2 KiB each, unique per call (documents are
/// stored by hash, so equal bytes would be stored once).</summary>
public static class WriteRequests
{
    public const int DocumentBytes = 2 * 1024;

    /// <summary>The states the agencies are spread over: the statistics ledger keeps one monthly row per state and model,
    /// which concurrent submissions of one state and model take turns to update.</summary>
    public static readonly IReadOnlyList<string> States =
        ["TX", "FL", "GA", "AR", "AL", "AZ", "CA", "CO", "IN", "LA", "MS", "MO", "NC", "NV", "OK", "PA", "SC", "TN", "UT", "VA"];

    private static readonly Model[] Models = [Model.Jem, Model.Tfm, Model.Wso];

    private static readonly byte[] Pdf = MakePdf();

    public static RegisterAgencyRequest Registration(string run, long index) => new()
    {
        Name = $"Bench County {run} {index} Sheriff's Office",
        State = States[(int)(index % States.Count)],
        Type = AgencyType.County,
        Kind = AgencyKind.SheriffsOffice,
        County = "Bench",
        AgencyHead = "Sheriff Pat Example",
        PointOfContact = new PointOfContact { Name = "Jo Contact", Email = "jo.contact@example.gov" },
    };

    /// <summary>The agencies to pre-register for the submissions, as ICE's lists give them.</summary>
    public static ResolveAgenciesRequest Listed(string run, int from, int count)
    {
        var request = new ResolveAgenciesRequest();
        request.Agencies.AddRange(Enumerable.Range(from, count).Select(index => new ListedAgency
        {
            Name = $"Listed County {run} {index} Sheriff's Office",
            State = States[index % States.Count],
            Type = AgencyType.County,
            Kind = AgencyKind.SheriffsOffice,
            County = "Listed",
        }));
        return request;
    }

    public static SubmitApplicationRequest Application(string agencyId, long index)
    {
        var signedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10));
        var date = new ProtoDate { Year = signedOn.Year, Month = signedOn.Month, Day = signedOn.Day };
        return new SubmitApplicationRequest
        {
            AgencyId = agencyId,
            Model = Models[index % Models.Length],
            LetterOfInterest = Document(index, 1, "Pat Example", "Sheriff", date),
            Moa = Document(index, 2, "Pat Example", "Sheriff", date),
        };
    }

    /// <summary>A nomination of an eligible officer with a badge of its own under one of the agreements, in turn.</summary>
    public static NominateOfficerRequest Nomination(IReadOnlyList<(string AgencyId, string AgreementId)> agreements, long index)
    {
        var (agencyId, agreementId) = agreements[(int)(index % agreements.Count)];
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(-5));
        return new NominateOfficerRequest
        {
            AgencyId = agencyId,
            AgreementId = agreementId,
            Officer = new Officer
            {
                GivenName = "Jordan", FamilyName = $"Bench{index}", BadgeNumber = $"B-{index}",
                DateOfBirth = new ProtoDate { Year = 1985, Month = 5, Day = 17 }, Email = "jordan.bench@example.gov",
            },
            UsCitizen = true,
            FirstSwornOn = new ProtoDate { Year = 2012, Month = 3, Day = 1 },
            Attestation = new AgencyHeadAttestation
            {
                AttestedBy = "Sheriff Pat Example", Title = "Sheriff", KnowsAndHasEnforcedJurisdictionLaws = true,
                AttestedOn = new ProtoDate { Year = today.Year, Month = today.Month, Day = today.Day },
            },
        };
    }

    private static SignedDocument Document(long index, int part, string signer, string title, ProtoDate signedOn)
    {
        var bytes = (byte[])Pdf.Clone();
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(16), index);
        bytes[24] = (byte)part;
        Guid.NewGuid().TryWriteBytes(bytes.AsSpan(25));
        return new SignedDocument { Data = ByteString.CopyFrom(bytes), SignerName = signer, SignerTitle = title, SignedOn = signedOn };
    }

    /// <summary>A PDF header and a deterministic filler: the size of a small PDF.</summary>
    private static byte[] MakePdf()
    {
        var bytes = new byte[DocumentBytes];
        new Random(287).NextBytes(bytes);
        "%PDF-1.7\n%\u00e2\u00e3\n"u8.CopyTo(bytes);
        return bytes;
    }
}
