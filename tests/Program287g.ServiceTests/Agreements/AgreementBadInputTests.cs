using System.Buffers.Text;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Program287g.Agreement.V1;
using Program287g.Testing;
using static Program287g.ServiceTests.Agreements.AgreementSystem;
using ProtoDate = Google.Type.Date;

namespace Program287g.ServiceTests.Agreements;

/// <summary>The Agency and Agreement services, started once for every test in <see cref="AgreementBadInputTests"/>:
/// a pending application (the agency signed 10 days ago) and page tokens of the pending list and of ListAgreements to
/// misuse.</summary>
public sealed class AgreementBadInputSystem(TestInfrastructure servers) : IAsyncLifetime
{
    public AgreementSystem System { get; private set; } = null!;

    public AgreementService.AgreementServiceClient Staff => System.Agreements();

    /// <summary>A pending application whose agency signed its MOA 10 days ago.</summary>
    public string PendingId { get; private set; } = "";

    /// <summary>The next-page token of the pending list (no filters, one per page).</summary>
    public string PendingPageToken { get; private set; } = "";

    /// <summary>The next-page token of ListAgreements (no filters, one per page).</summary>
    public string AgreementsPageToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        System = await AgreementSystem.StartAsync(servers);
        PendingId = (await System.PendingAsync()).AgreementId;
        await System.PendingAsync(state: "GA");
        PendingPageToken = (await Staff.ListPendingApplicationsAsync(new() { PageSize = 1 })).NextPageToken;
        AgreementsPageToken = (await Staff.ListAgreementsAsync(new() { PageSize = 1 })).NextPageToken;
    }

    public async Task DisposeAsync() => await System.DisposeAsync();
}

/// <summary>Bad input to every RPC of the Agreement service is INVALID_ARGUMENT with a google.rpc.BadRequest naming
/// the proto field path (snake_case); a well-formed id that names nothing is NOT_FOUND; and nothing a caller sends
/// makes the service answer INTERNAL or UNKNOWN.</summary>
[Collection(ServersCollection.Name)]
public sealed class AgreementBadInputTests(AgreementBadInputSystem system) : IClassFixture<AgreementBadInputSystem>
{
    /// <summary>One request, described, and the field path the refusal must name; <paramref name="Unspoiled"/> sends
    /// the valid request it was made from, where there is one.</summary>
    public sealed record BadCase(string Name, string Field, Func<AgreementBadInputSystem, Task> Call,
        Func<AgreementBadInputSystem, Task>? Unspoiled = null);

    private static readonly string TooLongReason = new('r', 2001);
    private static readonly string TooLongName = new('n', 201);
    private static readonly ProtoDate February30 = Date(2025, 2, 30);
    private static readonly ProtoDate February29InCommonYear = Date(2025, 2, 29);
    private static readonly ProtoDate Month13 = Date(2025, 13, 1);
    private static readonly ProtoDate Month0 = Date(2025, 0, 10);
    private static readonly ProtoDate Day0 = Date(2025, 3, 0);
    private static readonly ProtoDate Year0 = Date(0, 3, 27);
    private static readonly ProtoDate Year10000 = Date(10000, 1, 1);
    private static readonly ProtoDate NextMonth = DaysAgo(-30);

    /// <summary>One second after 9999-12-31T23:59:59Z, the last instant a Timestamp may hold.</summary>
    private const long SecondsAfterYear9999 = 253402300800;

    /// <summary>0001-01-01T00:00:00Z, the first instant a Timestamp may hold.</summary>
    private const long FirstTimestampSeconds = -62135596800;

    private static readonly Timestamp NegativeNanos = new() { Seconds = 1_700_000_000, Nanos = -1 };
    private static readonly Timestamp NanosOfASecond = new() { Seconds = 1_700_000_000, Nanos = 1_000_000_000 };
    private static readonly Timestamp AfterYear9999 = new() { Seconds = SecondsAfterYear9999 };
    private static readonly Timestamp BeforeYear1 = new() { Seconds = FirstTimestampSeconds - 1 };

    private static string NewId() => Guid.NewGuid().ToString();

    private static Signature IceSignature(ProtoDate? signedOn = null) => new()
    {
        SignerName = "Ana Official", SignerTitle = "Field Office Director", SignedOn = signedOn ?? DaysAgo(1),
    };

    private static SignedDocument Referenced(string uri = "https://example.gov/moa.pdf", string sha256 = "") => new()
    {
        Reference = new DocumentReference
        {
            Uri = uri, Sha256 = sha256.Length > 0 ? sha256 : Convert.ToHexStringLower(SHA256.HashData("moa"u8)),
        },
        SignerName = "Pat Example",
        SignerTitle = "Sheriff",
        SignedOn = DaysAgo(3),
    };

    private static BadCase Bad<TRequest>(string rpc, string what, string field, Func<TRequest> valid, Action<TRequest> spoil,
        Func<AgreementService.AgreementServiceClient, TRequest, Task> send) =>
        new($"{rpc}: {what}", field, system =>
        {
            var request = valid();
            spoil(request);
            return send(system.Staff, request);
        }, system => send(system.Staff, valid()));

    // ---- The tables -------------------------------------------------------------------------------------------------

    private static IEnumerable<BadCase> SubmitApplicationCases()
    {
        static BadCase Submit(string what, string field, Action<SubmitApplicationRequest> spoil) =>
            Bad("SubmitApplication", what, field, () => Application(NewId()), spoil, (c, r) => c.SubmitApplicationAsync(r).ResponseAsync);

        yield return Submit("agency_id empty", "agency_id", r => r.AgencyId = "");
        yield return Submit("agency_id not a UUID", "agency_id", r => r.AgencyId = "harris-county");
        yield return Submit("agency_id a UUID cut short", "agency_id", r => r.AgencyId = NewId()[..35]);
        yield return Submit("model unspecified (0)", "model", r => r.Model = Model.Unspecified);
        yield return Submit("model undefined (99)", "model", r => r.Model = (Model)99);
        yield return Submit("letter_of_interest missing", "letter_of_interest", r => r.LetterOfInterest = null);
        yield return Submit("moa missing", "moa", r => r.Moa = null);
        yield return Submit("letter_of_interest.signed_on missing", "letter_of_interest.signed_on", r => r.LetterOfInterest.SignedOn = null);
        yield return Submit("letter_of_interest.signed_on Feb 30", "letter_of_interest.signed_on", r => r.LetterOfInterest.SignedOn = February30);
        yield return Submit("letter_of_interest.signed_on Feb 29 in 2025", "letter_of_interest.signed_on",
            r => r.LetterOfInterest.SignedOn = February29InCommonYear);
        yield return Submit("letter_of_interest.signed_on year 0", "letter_of_interest.signed_on", r => r.LetterOfInterest.SignedOn = Year0);
        yield return Submit("letter_of_interest.signed_on in the future", "letter_of_interest.signed_on",
            r => r.LetterOfInterest.SignedOn = NextMonth);
        yield return Submit("moa.signed_on month 13", "moa.signed_on", r => r.Moa.SignedOn = Month13);
        yield return Submit("moa.signed_on month 0", "moa.signed_on", r => r.Moa.SignedOn = Month0);
        yield return Submit("moa.signed_on day 0", "moa.signed_on", r => r.Moa.SignedOn = Day0);
        yield return Submit("moa.signed_on year 10000", "moa.signed_on", r => r.Moa.SignedOn = Year10000);
        yield return Submit("moa.signed_on in the future", "moa.signed_on", r => r.Moa.SignedOn = NextMonth);
        yield return Submit("letter_of_interest.signer_name empty", "letter_of_interest.signer_name", r => r.LetterOfInterest.SignerName = "");
        yield return Submit("letter_of_interest.signer_name blank", "letter_of_interest.signer_name", r => r.LetterOfInterest.SignerName = "   ");
        yield return Submit("moa.signer_name over 200", "moa.signer_name", r => r.Moa.SignerName = TooLongName);
        yield return Submit("moa.signer_title empty", "moa.signer_title", r => r.Moa.SignerTitle = "");
        yield return Submit("letter_of_interest.signer_title over 200", "letter_of_interest.signer_title",
            r => r.LetterOfInterest.SignerTitle = TooLongName);
        yield return Submit("letter_of_interest with neither data nor reference", "letter_of_interest.data",
            r => r.LetterOfInterest.ClearContent());
        yield return Submit("moa.data empty", "moa.data", r => r.Moa.Data = ByteString.Empty);
        yield return Submit("moa.data over 3 MiB", "moa.data", r => r.Moa.Data = ByteString.CopyFrom(new byte[3 * 1024 * 1024 + 1]));
        yield return Submit("moa.reference.uri ftp", "moa.reference.uri", r => r.Moa = Referenced(uri: "ftp://example.gov/moa.pdf"));
        yield return Submit("moa.reference.uri mailto", "moa.reference.uri", r => r.Moa = Referenced(uri: "mailto:sheriff@example.gov"));
        yield return Submit("moa.reference.uri relative", "moa.reference.uri", r => r.Moa = Referenced(uri: "/documents/moa.pdf"));
        yield return Submit("moa.reference.uri not a URI", "moa.reference.uri", r => r.Moa = Referenced(uri: "the MOA we emailed"));
        yield return Submit("moa.reference.uri empty", "moa.reference.uri", r => r.Moa = Referenced(uri: " "));
        yield return Submit("moa.reference.sha256 too short", "moa.reference.sha256", r => r.Moa = Referenced(sha256: "abc123"));
        yield return Submit("moa.reference.sha256 not hex", "moa.reference.sha256", r => r.Moa = Referenced(sha256: new string('g', 64)));
        yield return Submit("moa.reference.sha256 too long", "moa.reference.sha256", r => r.Moa = Referenced(sha256: new string('a', 65)));
        yield return Submit("letter_of_interest.reference empty: uri", "letter_of_interest.reference.uri",
            r => r.LetterOfInterest.Reference = new DocumentReference());
        yield return Submit("letter_of_interest.reference empty: sha256", "letter_of_interest.reference.sha256",
            r => r.LetterOfInterest.Reference = new DocumentReference());
        // PostgreSQL text cannot hold U+0000: a name with one must be refused, not fail on the insert.
        yield return new BadCase("SubmitApplication: letter_of_interest.signer_name with a NUL character", "letter_of_interest.signer_name",
            async system =>
            {
                var request = Application((await system.System.RegisterAgencyAsync()).AgencyId);
                request.LetterOfInterest.SignerName = "Pat\0Example";
                await system.Staff.SubmitApplicationAsync(request);
            });
    }

    private static IEnumerable<BadCase> AgreementIdCases(string rpc, Func<string, Func<AgreementService.AgreementServiceClient, Task>> call)
    {
        foreach (var (what, id) in new[]
        {
            ("agreement_id empty", ""),
            ("agreement_id blank", "   "),
            ("agreement_id not a UUID", "287G-2026-000042"),
            ("agreement_id a UUID cut short", "0195f0a4-6c1e-7b3a-9d2f-4a1b2c3d4e5"),
            ("agreement_id a UUID with a non-hex digit", "0195f0a4-6c1e-7b3a-9d2f-4a1b2c3d4e5z"),
        })
        {
            yield return new BadCase($"{rpc}: {what}", "agreement_id", system => call(id)(system.Staff), system => call(NewId())(system.Staff));
        }
    }

    private static IEnumerable<BadCase> ReadCases() =>
        AgreementIdCases("GetAgreement", id => c => c.GetAgreementAsync(new() { AgreementId = id }).ResponseAsync)
            .Concat(AgreementIdCases("GetAgreementHistory", id => c => c.GetAgreementHistoryAsync(new() { AgreementId = id }).ResponseAsync));

    private static IEnumerable<BadCase> WithdrawCases()
    {
        static BadCase Withdraw(string what, string field, Action<WithdrawApplicationRequest> spoil) =>
            Bad("WithdrawApplication", what, field, () => new WithdrawApplicationRequest { AgreementId = NewId(), Reason = "changed our mind" },
                spoil, (c, r) => c.WithdrawApplicationAsync(r).ResponseAsync);

        foreach (var idCase in AgreementIdCases("WithdrawApplication",
            id => c => c.WithdrawApplicationAsync(new() { AgreementId = id, Reason = "changed our mind" }).ResponseAsync))
        {
            yield return idCase;
        }
        yield return Withdraw("reason over 2000", "reason", r => r.Reason = TooLongReason);
    }

    private static IEnumerable<BadCase> DeclineCases()
    {
        static BadCase Decline(string what, string field, Action<DeclineApplicationRequest> spoil) =>
            Bad("DeclineApplication", what, field, () => new DeclineApplicationRequest { AgreementId = NewId(), Reason = "incomplete MOA" },
                spoil, (c, r) => c.DeclineApplicationAsync(r).ResponseAsync);

        yield return Decline("agreement_id empty", "agreement_id", r => r.AgreementId = "");
        yield return Decline("agreement_id not a UUID", "agreement_id", r => r.AgreementId = "pending-42");
        yield return Decline("reason empty (required)", "reason", r => r.Reason = "");
        yield return Decline("reason blank", "reason", r => r.Reason = " \t ");
        yield return Decline("reason over 2000", "reason", r => r.Reason = TooLongReason);
        yield return new BadCase("DeclineApplication: reason with a NUL character", "reason", async system =>
        {
            var pending = await system.System.PendingAsync();
            await system.Staff.DeclineApplicationAsync(new() { AgreementId = pending.AgreementId, Reason = "incomplete\0MOA" });
        });
    }

    private static IEnumerable<BadCase> SignCases()
    {
        static BadCase Sign(string what, string field, Action<SignAgreementRequest> spoil) =>
            Bad("SignAgreement", what, field, () => new SignAgreementRequest { AgreementId = NewId(), IceSignature = IceSignature() },
                spoil, (c, r) => c.SignAgreementAsync(r).ResponseAsync);

        yield return Sign("agreement_id empty", "agreement_id", r => r.AgreementId = "");
        yield return Sign("agreement_id not a UUID", "agreement_id", r => r.AgreementId = "not-a-uuid");
        yield return Sign("ice_signature missing", "ice_signature", r => r.IceSignature = null);
        yield return Sign("ice_signature.signer_name empty", "ice_signature.signer_name", r => r.IceSignature.SignerName = "");
        yield return Sign("ice_signature.signer_name over 200", "ice_signature.signer_name", r => r.IceSignature.SignerName = TooLongName);
        yield return Sign("ice_signature.signer_title empty", "ice_signature.signer_title", r => r.IceSignature.SignerTitle = "");
        yield return Sign("ice_signature.signer_title over 200", "ice_signature.signer_title", r => r.IceSignature.SignerTitle = TooLongName);
        yield return Sign("ice_signature.signed_on missing", "ice_signature.signed_on", r => r.IceSignature.SignedOn = null);
        yield return Sign("ice_signature.signed_on Feb 30", "ice_signature.signed_on", r => r.IceSignature.SignedOn = February30);
        yield return Sign("ice_signature.signed_on month 13", "ice_signature.signed_on", r => r.IceSignature.SignedOn = Month13);
        yield return Sign("ice_signature.signed_on year 0", "ice_signature.signed_on", r => r.IceSignature.SignedOn = Year0);
        yield return Sign("ice_signature.signed_on in the future", "ice_signature.signed_on", r => r.IceSignature.SignedOn = NextMonth);
        yield return new BadCase("SignAgreement: ice_signature.signed_on before the agency signed", "ice_signature.signed_on",
            system => system.Staff.SignAgreementAsync(new() { AgreementId = system.PendingId, IceSignature = IceSignature(DaysAgo(20)) })
                .ResponseAsync);
    }

    private static IEnumerable<BadCase> SuspendCases()
    {
        static BadCase Suspend(string what, string field, Action<SuspendAgreementRequest> spoil) =>
            Bad("SuspendAgreement", what, field, () => new SuspendAgreementRequest { AgreementId = NewId(), Reason = "misconduct inquiry" },
                spoil, (c, r) => c.SuspendAgreementAsync(r).ResponseAsync);

        yield return Suspend("agreement_id empty", "agreement_id", r => r.AgreementId = "");
        yield return Suspend("agreement_id not a UUID", "agreement_id", r => r.AgreementId = "12345");
        yield return Suspend("reason empty (required)", "reason", r => r.Reason = "");
        yield return Suspend("reason over 2000", "reason", r => r.Reason = TooLongReason);
    }

    private static IEnumerable<BadCase> ReinstateCases()
    {
        static BadCase Reinstate(string what, string field, Action<ReinstateAgreementRequest> spoil) =>
            Bad("ReinstateAgreement", what, field, () => new ReinstateAgreementRequest { AgreementId = NewId(), Note = "inquiry closed" },
                spoil, (c, r) => c.ReinstateAgreementAsync(r).ResponseAsync);

        yield return Reinstate("agreement_id empty", "agreement_id", r => r.AgreementId = "");
        yield return Reinstate("agreement_id not a UUID", "agreement_id", r => r.AgreementId = "{not-a-uuid}");
        yield return Reinstate("note over 2000", "note", r => r.Note = TooLongReason);
    }

    private static IEnumerable<BadCase> TerminateCases()
    {
        static BadCase Terminate(string what, string field, Action<TerminateAgreementRequest> spoil) =>
            Bad("TerminateAgreement", what, field, () => new TerminateAgreementRequest
            {
                AgreementId = NewId(), NoticeGivenBy = Party.Ice, NoticeDate = DaysAgo(5), Reason = "program review",
            }, spoil, (c, r) => c.TerminateAgreementAsync(r).ResponseAsync);

        yield return Terminate("agreement_id empty", "agreement_id", r => r.AgreementId = "");
        yield return Terminate("agreement_id not a UUID", "agreement_id", r => r.AgreementId = "terminate-me");
        yield return Terminate("notice_given_by unspecified (0)", "notice_given_by", r => r.NoticeGivenBy = Party.Unspecified);
        yield return Terminate("notice_given_by undefined (99)", "notice_given_by", r => r.NoticeGivenBy = (Party)99);
        yield return Terminate("notice_date missing", "notice_date", r => r.NoticeDate = null);
        yield return Terminate("notice_date Feb 30", "notice_date", r => r.NoticeDate = February30);
        yield return Terminate("notice_date month 13", "notice_date", r => r.NoticeDate = Month13);
        yield return Terminate("notice_date year 0", "notice_date", r => r.NoticeDate = Year0);
        yield return Terminate("notice_date in the future", "notice_date", r => r.NoticeDate = NextMonth);
        yield return Terminate("effective_on Feb 30", "effective_on", r => r.EffectiveOn = February30);
        yield return Terminate("effective_on month 13", "effective_on", r => r.EffectiveOn = Month13);
        yield return Terminate("effective_on year 0", "effective_on", r => r.EffectiveOn = Year0);
        yield return Terminate("effective_on before notice_date", "effective_on", r => r.EffectiveOn = DaysAgo(6));
        yield return Terminate("reason over 2000", "reason", r => r.Reason = TooLongReason);
    }

    private static IEnumerable<BadCase> SupersedeCases()
    {
        static BadCase Supersede(string what, string field, Action<SupersedeAgreementRequest> spoil) =>
            Bad("SupersedeAgreement", what, field, () => new SupersedeAgreementRequest
            {
                AgreementId = NewId(), Moa = Document("%PDF re-signed MOA", DaysAgo(2)), IceSignature = IceSignature(),
            }, spoil, (c, r) => c.SupersedeAgreementAsync(r).ResponseAsync);

        yield return Supersede("agreement_id empty", "agreement_id", r => r.AgreementId = "");
        yield return Supersede("agreement_id not a UUID", "agreement_id", r => r.AgreementId = "old-agreement");
        yield return Supersede("moa missing", "moa", r => r.Moa = null);
        yield return Supersede("ice_signature missing", "ice_signature", r => r.IceSignature = null);
        yield return Supersede("moa with neither data nor reference", "moa.data", r => r.Moa.ClearContent());
        yield return Supersede("moa.reference.uri ftp", "moa.reference.uri", r => r.Moa = Referenced(uri: "ftp://example.gov/moa.pdf"));
        yield return Supersede("moa.reference.sha256 bad", "moa.reference.sha256", r => r.Moa = Referenced(sha256: "sha256:abc"));
        yield return Supersede("moa.signer_name over 200", "moa.signer_name", r => r.Moa.SignerName = TooLongName);
        yield return Supersede("moa.signed_on Feb 30", "moa.signed_on", r => r.Moa.SignedOn = February30);
        yield return Supersede("moa.signed_on in the future", "moa.signed_on", r => r.Moa.SignedOn = NextMonth);
        yield return Supersede("ice_signature.signer_name over 200", "ice_signature.signer_name", r => r.IceSignature.SignerName = TooLongName);
        yield return Supersede("ice_signature.signed_on month 13", "ice_signature.signed_on", r => r.IceSignature.SignedOn = Month13);
        yield return Supersede("ice_signature.signed_on in the future", "ice_signature.signed_on", r => r.IceSignature.SignedOn = NextMonth);
        yield return Supersede("ice_signature.signed_on before the agency signed the re-signed MOA", "ice_signature.signed_on",
            r => r.IceSignature.SignedOn = DaysAgo(20));
    }

    private static IEnumerable<BadCase> AddendumCases()
    {
        static BadCase Addendum(string what, string field, Action<RecordAddendumRequest> spoil) =>
            Bad("RecordAddendum", what, field, () => new RecordAddendumRequest
            {
                AgreementId = NewId(), Description = "Adds a second jail", Document = Document("%PDF addendum", DaysAgo(1)),
            }, spoil, (c, r) => c.RecordAddendumAsync(r).ResponseAsync);

        yield return Addendum("agreement_id empty", "agreement_id", r => r.AgreementId = "");
        yield return Addendum("agreement_id not a UUID", "agreement_id", r => r.AgreementId = "addendum");
        yield return Addendum("description empty (required)", "description", r => r.Description = "");
        yield return Addendum("description over 2000", "description", r => r.Description = TooLongReason);
        yield return Addendum("document missing", "document", r => r.Document = null);
        yield return Addendum("document with neither data nor reference", "document.data", r => r.Document.ClearContent());
        yield return Addendum("document.reference.uri mailto", "document.reference.uri",
            r => r.Document = Referenced(uri: "mailto:ice@example.gov"));
        yield return Addendum("document.reference.sha256 bad", "document.reference.sha256", r => r.Document = Referenced(sha256: "xyz"));
        yield return Addendum("document.signer_title empty", "document.signer_title", r => r.Document.SignerTitle = "");
        yield return Addendum("document.signed_on year 0", "document.signed_on", r => r.Document.SignedOn = Year0);
        yield return Addendum("document.signed_on in the future", "document.signed_on", r => r.Document.SignedOn = NextMonth);
    }

    /// <summary>The two lists share their filters; each is spoiled the same ways.</summary>
    private static IEnumerable<BadCase> ListCases()
    {
        static BadCase Participating(string what, string field, Action<ListParticipatingAgreementsRequest> spoil) =>
            Bad("ListParticipatingAgreements", what, field, () => new ListParticipatingAgreementsRequest(), spoil,
                (c, r) => c.ListParticipatingAgreementsAsync(r).ResponseAsync);

        static BadCase Pending(string what, string field, Action<ListPendingApplicationsRequest> spoil) =>
            Bad("ListPendingApplications", what, field, () => new ListPendingApplicationsRequest(), spoil,
                (c, r) => c.ListPendingApplicationsAsync(r).ResponseAsync);

        var spoilers = new (string What, string Field, Action<ListParticipatingAgreementsRequest> Participating,
            Action<ListPendingApplicationsRequest> Pending)[]
        {
            ("model undefined (99)", "model", r => r.Model = (Model)99, r => r.Model = (Model)99),
            ("state Atlantis", "state", r => r.State = "Atlantis", r => r.State = "Atlantis"),
            ("state a made-up code", "state", r => r.State = "ZZ", r => r.State = "ZZ"),
            ("page_size -1", "page_size", r => r.PageSize = -1, r => r.PageSize = -1),
            ("page_size 501", "page_size", r => r.PageSize = 501, r => r.PageSize = 501),
            ("page_size int.MaxValue", "page_size", r => r.PageSize = int.MaxValue, r => r.PageSize = int.MaxValue),
            ("page_token garbage", "page_token", r => r.PageToken = "not a token!", r => r.PageToken = "not a token!"),
            ("page_token base64 but not a token", "page_token", r => r.PageToken = "aGVsbG8gd29ybGQ", r => r.PageToken = "aGVsbG8gd29ybGQ"),
            ("page_token base64 JSON of the wrong shape", "page_token", r => r.PageToken = "WzEsMiwzXQ", r => r.PageToken = "WzEsMiwzXQ"),
            ("as_of nanos -1", "as_of", r => r.AsOf = NegativeNanos, r => r.AsOf = NegativeNanos),
            ("as_of nanos 1e9", "as_of", r => r.AsOf = NanosOfASecond, r => r.AsOf = NanosOfASecond),
            ("as_of after year 9999", "as_of", r => r.AsOf = AfterYear9999, r => r.AsOf = AfterYear9999),
            ("as_of before year 1", "as_of", r => r.AsOf = BeforeYear1, r => r.AsOf = BeforeYear1),
        };
        foreach (var (what, field, participating, pending) in spoilers)
        {
            yield return Participating(what, field, participating);
            yield return Pending(what, field, pending);
        }
        // A real token, replayed with other filters or on the other list.
        yield return new BadCase("ListPendingApplications: page_token from a listing with another state", "page_token",
            system => system.Staff.ListPendingApplicationsAsync(new() { State = "FL", PageToken = system.PendingPageToken }).ResponseAsync);
        yield return new BadCase("ListPendingApplications: page_token from a listing with another model", "page_token",
            system => system.Staff.ListPendingApplicationsAsync(new() { Model = Model.Tfm, PageToken = system.PendingPageToken }).ResponseAsync);
        yield return new BadCase("ListParticipatingAgreements: page_token from the pending list", "page_token",
            system => system.Staff.ListParticipatingAgreementsAsync(new() { PageToken = system.PendingPageToken }).ResponseAsync);
    }

    private static IEnumerable<BadCase> ListAgreementsCases()
    {
        static BadCase List(string what, string field, Action<ListAgreementsRequest> spoil) =>
            Bad("ListAgreements", what, field, () => new ListAgreementsRequest(), spoil, (c, r) => c.ListAgreementsAsync(r).ResponseAsync);

        yield return List("agency_id not a UUID", "agency_id", r => r.AgencyId = "harris-county");
        yield return List("agency_id blank", "agency_id", r => r.AgencyId = " ");
        yield return List("statuses with UNSPECIFIED", "statuses[0]", r => r.Statuses.Add(AgreementStatus.Unspecified));
        yield return List("statuses with an undefined value (99)", "statuses[1]",
            r => r.Statuses.AddRange([AgreementStatus.Active, (AgreementStatus)99]));
        yield return List("model undefined (99)", "model", r => r.Model = (Model)99);
        yield return List("state Atlantis", "state", r => r.State = "Atlantis");
        yield return List("state a made-up code", "state", r => r.State = "ZZ");
        yield return List("page_size -1", "page_size", r => r.PageSize = -1);
        yield return List("page_size 501", "page_size", r => r.PageSize = 501);
        yield return List("page_size int.MaxValue", "page_size", r => r.PageSize = int.MaxValue);
        yield return List("page_token garbage", "page_token", r => r.PageToken = "not a token!");
        yield return List("page_token base64 but not a token", "page_token", r => r.PageToken = "aGVsbG8gd29ybGQ");
        yield return List("page_token base64 JSON of the wrong shape", "page_token", r => r.PageToken = "WzEsMiwzXQ");
        yield return List("page_token over 1000 characters", "page_token", r => r.PageToken = new string('A', 1001));
        yield return List("reference_number_prefix with a LIKE wildcard", "reference_number_prefix", r => r.ReferenceNumberPrefix = "287G-%");
        yield return List("reference_number_prefix with a space", "reference_number_prefix", r => r.ReferenceNumberPrefix = "287G 2026");
        yield return List("reference_number_prefix ending in a newline", "reference_number_prefix", r => r.ReferenceNumberPrefix = "287G\n");
        yield return List("reference_number_prefix over 20", "reference_number_prefix", r => r.ReferenceNumberPrefix = new string('1', 21));
        // A real token, replayed with other filters or on another list.
        yield return new BadCase("ListAgreements: page_token from a listing with other statuses", "page_token",
            system => system.Staff.ListAgreementsAsync(new() { Statuses = { AgreementStatus.Active }, PageToken = system.AgreementsPageToken })
                .ResponseAsync);
        yield return new BadCase("ListAgreements: page_token from the pending list", "page_token",
            system => system.Staff.ListAgreementsAsync(new() { PageToken = system.PendingPageToken }).ResponseAsync);
        yield return new BadCase("ListPendingApplications: page_token from ListAgreements", "page_token",
            system => system.Staff.ListPendingApplicationsAsync(new() { PageToken = system.AgreementsPageToken }).ResponseAsync);
    }

    private static IEnumerable<BadCase> StatisticsCases()
    {
        static BadCase Statistics(string what, Timestamp asOf) =>
            new($"GetStatistics: {what}", "as_of", system => system.Staff.GetStatisticsAsync(new() { AsOf = asOf }).ResponseAsync,
                system => system.Staff.GetStatisticsAsync(new()).ResponseAsync);

        yield return Statistics("as_of nanos -1", NegativeNanos);
        yield return Statistics("as_of nanos 1e9", NanosOfASecond);
        yield return Statistics("as_of after year 9999", AfterYear9999);
        yield return Statistics("as_of before year 1", BeforeYear1);
    }

    private static IEnumerable<BadCase> MandateGapCases()
    {
        static BadCase Gaps(string what, string field, Action<ListStateMandateGapsRequest> spoil) =>
            Bad("ListStateMandateGaps", what, field, () => new ListStateMandateGapsRequest(), spoil,
                (c, r) => c.ListStateMandateGapsAsync(r).ResponseAsync);

        yield return Gaps("state Atlantis", "state", r => r.State = "Atlantis");
        yield return Gaps("state a made-up code", "state", r => r.State = "XX");
        yield return Gaps("as_of Feb 30", "as_of", r => r.AsOf = February30);
        yield return Gaps("as_of month 13", "as_of", r => r.AsOf = Month13);
        yield return Gaps("as_of year 0", "as_of", r => r.AsOf = Year0);
        yield return Gaps("as_of year 10000", "as_of", r => r.AsOf = Year10000);
        yield return Gaps("as_of all zero (an empty Date)", "as_of", r => r.AsOf = new ProtoDate());
    }

    private static IEnumerable<BadCase> CoveredAgencyCases()
    {
        static ReplaceCoveredAgenciesRequest List(string state = "TX", params CoveredAgency[] agencies)
        {
            var request = new ReplaceCoveredAgenciesRequest { State = state };
            request.Agencies.AddRange(agencies.Length > 0 ? agencies : [Sheriff("Harris County Sheriff's Office")]);
            return request;
        }
        static CoveredAgency Sheriff(string name) => new() { Name = name, County = "Harris", Kind = CoveredAgencyKind.Sheriff };
        static BadCase Replace(string what, string field, Action<ReplaceCoveredAgenciesRequest> spoil) =>
            Bad("ReplaceCoveredAgencies", what, field, () => List(), spoil, (c, r) => c.ReplaceCoveredAgenciesAsync(r).ResponseAsync);

        yield return Replace("state empty", "state", r => r.State = "");
        yield return Replace("state Atlantis", "state", r => r.State = "Atlantis");
        yield return Replace("state without a mandate (NY)", "state", r => r.State = "NY");
        yield return Replace("agencies[0].name empty", "agencies[0].name", r => r.Agencies[0].Name = "");
        yield return Replace("agencies[0].name punctuation only", "agencies[0].name", r => r.Agencies[0].Name = "'-'");
        yield return Replace("agencies[0].name 201 characters", "agencies[0].name", r => r.Agencies[0].Name = new string('A', 201));
        yield return Replace("agencies[0].county 101 characters", "agencies[0].county", r => r.Agencies[0].County = new string('A', 101));
        yield return Replace("agencies[0].kind unspecified", "agencies[0].kind", r => r.Agencies[0].Kind = CoveredAgencyKind.Unspecified);
        yield return Replace("agencies[0].kind undefined (99)", "agencies[0].kind", r => r.Agencies[0].Kind = (CoveredAgencyKind)99);
        yield return Replace("agencies[0].kind JAIL, which Texas's law does not name", "agencies[0].kind",
            r => r.Agencies[0].Kind = CoveredAgencyKind.Jail);
        yield return Replace("agencies[1] the same agency as agencies[0] spelled otherwise", "agencies[1].name",
            r => r.Agencies.Add(Sheriff("HARRIS COUNTY SHERIFFS OFFICE")));
        yield return Replace("agencies 2001 entries", "agencies",
            r => r.Agencies.AddRange(Enumerable.Range(0, 2000).Select(i => Sheriff($"County {i} Sheriff's Office"))));
        yield return Bad("ListCoveredAgencies", "state empty", "state", () => new ListCoveredAgenciesRequest { State = "TX" },
            r => r.State = "", (c, r) => c.ListCoveredAgenciesAsync(r).ResponseAsync);
        yield return Bad("ListCoveredAgencies", "state without a mandate (CA)", "state", () => new ListCoveredAgenciesRequest { State = "TX" },
            r => r.State = "CA", (c, r) => c.ListCoveredAgenciesAsync(r).ResponseAsync);
    }

    private static IEnumerable<BadCase> ImportCases()
    {
        static ImportIceListRequest Header(IceListKind kind = IceListKind.Participating, Timestamp? asOf = null, string fileName = "x.xlsx") =>
            new() { Header = new ImportHeader { Kind = kind, AsOf = asOf ?? Timestamp.FromDateTime(DateTime.UtcNow), FileName = fileName } };
        static ImportIceListRequest Bytes(byte[] bytes) => new() { Chunk = ByteString.CopyFrom(bytes) };
        static BadCase Import(string what, string field, Func<ImportIceListRequest[]> messages) =>
            new($"ImportIceList: {what}", field, system => ImportAsync(system.Staff, messages()));

        yield return Import("no messages at all", "header", () => []);
        yield return Import("no header first (a chunk)", "header", () => [Bytes(NotAnIceList()), Header()]);
        yield return Import("a second header", "header", () => [Header(), Header()]);
        yield return Import("a second header after a chunk", "header", () => [Header(), Bytes(NotAnIceList()), Header()]);
        yield return Import("header.kind undefined (99)", "header.kind", () => [Header((IceListKind)99), Bytes(NotAnIceList())]);
        yield return Import("header.as_of nanos -1", "header.as_of", () => [Header(asOf: NegativeNanos), Bytes(NotAnIceList())]);
        yield return Import("header.as_of after year 9999", "header.as_of", () => [Header(asOf: AfterYear9999), Bytes(NotAnIceList())]);
        yield return Import("header.file_name over 255", "header.file_name",
            () => [Header(fileName: new string('f', 256) + ".xlsx"), Bytes(NotAnIceList())]);
        yield return Import("no chunks", "chunk", () => [Header()]);
        yield return Import("only an empty chunk", "chunk", () => [Header(), Bytes([])]);
        yield return Import("random bytes, not xlsx", "chunk", () => [Header(), Bytes(RandomNumberGenerator.GetBytes(8192))]);
        yield return Import("random bytes, kind unspecified", "chunk",
            () => [Header(IceListKind.Unspecified), Bytes(RandomNumberGenerator.GetBytes(8192))]);
        yield return Import("a zip that is not an xlsx", "chunk", () => [Header(), Bytes(ZipOf(("notes.txt", "not a workbook"u8.ToArray())))]);
        yield return Import("an xlsx that is not an ICE list", "chunk", () => [Header(), Bytes(NotAnIceList())]);
        yield return Import("an xlsx that is not an ICE list, kind unspecified", "chunk",
            () => [Header(IceListKind.Unspecified), Bytes(NotAnIceList())]);
        yield return Import("an xlsx whose sheet is not well-formed XML", "chunk", () => [Header(), Bytes(WithBrokenSheet(NotAnIceList()))]);
        yield return Import("an xlsx split over chunks, not an ICE list", "chunk",
            () => [Header(), .. NotAnIceList().Chunk(1000).Select(Bytes)]);
    }

    private static IEnumerable<BadCase> ExportCases()
    {
        static BadCase Export(string what, string field, ExportIceListRequest request) =>
            new($"ExportIceList: {what}", field, system => ExportAsync(system.Staff, request),
                system => ExportAsync(system.Staff, new() { Kind = IceListKind.Participating }));

        yield return Export("kind unspecified", "kind", new ExportIceListRequest { Kind = IceListKind.Unspecified });
        yield return Export("kind undefined (99)", "kind", new ExportIceListRequest { Kind = (IceListKind)99 });
        yield return Export("as_of nanos -1", "as_of", new ExportIceListRequest { Kind = IceListKind.Participating, AsOf = NegativeNanos });
        yield return Export("as_of nanos 1e9", "as_of", new ExportIceListRequest { Kind = IceListKind.Pending, AsOf = NanosOfASecond });
        yield return Export("as_of after year 9999", "as_of", new ExportIceListRequest { Kind = IceListKind.Pending, AsOf = AfterYear9999 });
        yield return Export("as_of before year 1", "as_of", new ExportIceListRequest { Kind = IceListKind.Participating, AsOf = BeforeYear1 });
    }

    private static IEnumerable<BadCase> DownloadCases()
    {
        var wellFormed = new string('a', 64);
        static BadCase Download(string what, string field, DownloadDocumentRequest request) =>
            new($"DownloadDocument: {what}", field, system => DownloadAsync(system.Staff, request),
                system => DownloadAsync(system.Staff, new() { Sha256 = new string('b', 64) }));

        yield return Download("sha256 empty", "sha256", new DownloadDocumentRequest());
        yield return Download("sha256 of 63 hex characters", "sha256", new DownloadDocumentRequest { Sha256 = wellFormed[1..] });
        yield return Download("sha256 of 65 hex characters", "sha256", new DownloadDocumentRequest { Sha256 = wellFormed + "a" });
        yield return Download("sha256 not hex", "sha256", new DownloadDocumentRequest { Sha256 = new string('z', 64) });
        yield return Download("sha256 of base64", "sha256", new DownloadDocumentRequest { Sha256 = Convert.ToBase64String(new byte[32]) });
        yield return Download("agreement_id not a UUID", "agreement_id",
            new DownloadDocumentRequest { Sha256 = wellFormed, AgreementId = "not-a-uuid" });
        yield return Download("agreement_id blank", "agreement_id", new DownloadDocumentRequest { Sha256 = wellFormed, AgreementId = " " });
    }

    private static readonly IReadOnlyList<BadCase> AllBadCases =
    [
        .. SubmitApplicationCases(), .. ReadCases(), .. WithdrawCases(), .. DeclineCases(), .. SignCases(), .. SuspendCases(),
        .. ReinstateCases(), .. TerminateCases(), .. SupersedeCases(), .. AddendumCases(), .. ListCases(), .. ListAgreementsCases(), .. StatisticsCases(),
        .. MandateGapCases(), .. CoveredAgencyCases(), .. ImportCases(), .. ExportCases(), .. DownloadCases(),
    ];

    private static readonly Dictionary<string, BadCase> BadCasesByName = AllBadCases.ToDictionary(c => c.Name);

    public static TheoryData<string> BadInputs()
    {
        var data = new TheoryData<string>();
        foreach (var badCase in AllBadCases)
        {
            data.Add(badCase.Name);
        }
        return data;
    }

    /// <summary>Well-formed ids that name nothing: NOT_FOUND naming the agreement, for every RPC that takes one.</summary>
    private static readonly IReadOnlyList<(string Name, Func<AgreementService.AgreementServiceClient, string, Task> Call)> UnknownIdCalls =
    [
        ("GetAgreement", (c, id) => c.GetAgreementAsync(new() { AgreementId = id }).ResponseAsync),
        ("GetAgreementHistory", (c, id) => c.GetAgreementHistoryAsync(new() { AgreementId = id }).ResponseAsync),
        ("WithdrawApplication", (c, id) => c.WithdrawApplicationAsync(new() { AgreementId = id }).ResponseAsync),
        ("DeclineApplication", (c, id) => c.DeclineApplicationAsync(new() { AgreementId = id, Reason = "incomplete" }).ResponseAsync),
        ("SignAgreement", (c, id) => c.SignAgreementAsync(new() { AgreementId = id, IceSignature = IceSignature() }).ResponseAsync),
        ("SuspendAgreement", (c, id) => c.SuspendAgreementAsync(new() { AgreementId = id, Reason = "inquiry" }).ResponseAsync),
        ("ReinstateAgreement", (c, id) => c.ReinstateAgreementAsync(new() { AgreementId = id }).ResponseAsync),
        ("TerminateAgreement", (c, id) => c.TerminateAgreementAsync(new()
        {
            AgreementId = id, NoticeGivenBy = Party.Agency, NoticeDate = DaysAgo(1),
        }).ResponseAsync),
        ("SupersedeAgreement", (c, id) => c.SupersedeAgreementAsync(new()
        {
            AgreementId = id, Moa = Document("%PDF re-signed", DaysAgo(2)), IceSignature = IceSignature(),
        }).ResponseAsync),
        ("RecordAddendum", (c, id) => c.RecordAddendumAsync(new()
        {
            AgreementId = id, Description = "Adds a jail", Document = Document("%PDF addendum", DaysAgo(1)),
        }).ResponseAsync),
    ];

    public static TheoryData<string> UnknownIdRpcs()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in UnknownIdCalls)
        {
            data.Add(name);
        }
        return data;
    }

    /// <summary>Input at the edges: dates and times at the ends of what a Date or Timestamp can hold, and page tokens
    /// made up to look like the service's own. The service may answer or refuse (naming the field), but must not fail.</summary>
    private static readonly IReadOnlyList<BadCase> Edges =
    [
        new("GetStatistics: as_of the first instant of year 1", "as_of",
            system => system.Staff.GetStatisticsAsync(new() { AsOf = new Timestamp { Seconds = FirstTimestampSeconds } }).ResponseAsync),
        new("GetStatistics: as_of the last instant of year 9999", "as_of",
            system => system.Staff.GetStatisticsAsync(new() { AsOf = new Timestamp { Seconds = SecondsAfterYear9999 - 1 } }).ResponseAsync),
        new("ListParticipatingAgreements: as_of the first instant of year 1", "as_of",
            system => system.Staff.ListParticipatingAgreementsAsync(new() { AsOf = new Timestamp { Seconds = FirstTimestampSeconds } })
                .ResponseAsync),
        new("ListPendingApplications: as_of the last instant of year 9999", "as_of",
            system => system.Staff.ListPendingApplicationsAsync(new() { AsOf = new Timestamp { Seconds = SecondsAfterYear9999 - 1 } })
                .ResponseAsync),
        new("ListStateMandateGaps: as_of 0001-01-01", "as_of",
            system => system.Staff.ListStateMandateGapsAsync(new() { AsOf = Date(1, 1, 1) }).ResponseAsync),
        new("ListStateMandateGaps: as_of 9999-12-31", "as_of",
            system => system.Staff.ListStateMandateGapsAsync(new() { AsOf = Date(9999, 12, 31) }).ResponseAsync),
        new("ExportIceList: as_of the first instant of year 1", "as_of",
            system => ExportAsync(system.Staff, new() { Kind = IceListKind.Participating, AsOf = new Timestamp { Seconds = FirstTimestampSeconds } })),
        new("ExportIceList: as_of the last instant of year 9999", "as_of",
            system => ExportAsync(system.Staff, new() { Kind = IceListKind.Pending, AsOf = new Timestamp { Seconds = SecondsAfterYear9999 - 1 } })),
        new("ListPendingApplications: a forged page_token whose cursor holds a NUL character", "page_token",
            system => system.Staff.ListPendingApplicationsAsync(new() { PageToken = ForgedPendingToken("T\0X", "2026-01-01T00:00:00+00:00") })
                .ResponseAsync),
        new("ListPendingApplications: a forged page_token pinned to the first instant of year 1", "page_token",
            system => system.Staff.ListPendingApplicationsAsync(new() { PageToken = ForgedPendingToken("TX", "0001-01-01T00:00:00+00:00") })
                .ResponseAsync),
        new("ListAgreements: a forged page_token whose cursor is not in UTC", "page_token",
            system => system.Staff.ListAgreementsAsync(new() { PageToken = ForgedAgreementsToken("2026-01-01T00:00:00+01:00") }).ResponseAsync),
        new("ListAgreements: a forged page_token at the first instant of year 1", "page_token",
            system => system.Staff.ListAgreementsAsync(new() { PageToken = ForgedAgreementsToken("0001-01-01T00:00:00+00:00") }).ResponseAsync),
        new("ListAgreements: a forged page_token at the last instant of year 9999", "page_token",
            system => system.Staff.ListAgreementsAsync(new() { PageToken = ForgedAgreementsToken("9999-12-31T23:59:59.9999999+00:00") })
                .ResponseAsync),
        new("TerminateAgreement: effective_on 9999-12-31", "effective_on",
            system => system.Staff.TerminateAgreementAsync(new()
            {
                AgreementId = NewId(), NoticeGivenBy = Party.Ice, NoticeDate = DaysAgo(1), EffectiveOn = Date(9999, 12, 31),
            }).ResponseAsync),
        new("TerminateAgreement: notice_date 0001-01-01", "notice_date",
            system => system.Staff.TerminateAgreementAsync(new()
            {
                AgreementId = NewId(), NoticeGivenBy = Party.Ice, NoticeDate = Date(1, 1, 1),
            }).ResponseAsync),
    ];

    public static TheoryData<string> EdgeInputs()
    {
        var data = new TheoryData<string>();
        foreach (var edge in Edges)
        {
            data.Add(edge.Name);
        }
        return data;
    }

    // ---- The tests ------------------------------------------------------------------------------------------------

    [Fact]
    public void Every_rpc_of_the_service_has_bad_input_cases()
    {
        var rpcs = typeof(AgreementService.AgreementServiceClient).GetMethods()
            .Where(m => m.DeclaringType == typeof(AgreementService.AgreementServiceClient) && !m.Name.EndsWith("Async", StringComparison.Ordinal)
                && m.GetParameters().LastOrDefault()?.ParameterType == typeof(CallOptions))
            .Select(m => m.Name).Distinct().ToList();

        rpcs.Count.ShouldBe(21);
        rpcs.Where(rpc => !AllBadCases.Any(c => c.Name.StartsWith(rpc + ":", StringComparison.Ordinal)))
            .ShouldBeEmpty("RPCs without bad-input cases");
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_invalid_argument_naming_the_field(string name)
    {
        var badCase = BadCasesByName[name];

        var refusal = await RefusalOf(() => badCase.Call(system));

        if (refusal is null)
        {
            Assert.Fail($"[{name}] was accepted; expected INVALID_ARGUMENT naming '{badCase.Field}'.");
        }
        refusal.StatusCode.ShouldBe(StatusCode.InvalidArgument, $"[{name}] answered {Describe(refusal)}");
        refusal.BadFields().ShouldContain(badCase.Field, $"[{name}] answered {Describe(refusal)}");
    }

    [Fact]
    public async Task The_requests_the_tables_spoil_are_not_bad_input_before_they_are_spoiled()
    {
        var baselines = AllBadCases.Where(c => c.Unspoiled is not null).GroupBy(c => c.Name[..c.Name.IndexOf(':', StringComparison.Ordinal)])
            .Select(g => (Rpc: g.Key, Call: g.First().Unspoiled!)).ToList();
        var refused = new List<string>();
        foreach (var (rpc, call) in baselines)
        {
            if (await RefusalOf(() => call(system)) is { StatusCode: StatusCode.InvalidArgument or StatusCode.Internal or StatusCode.Unknown } refusal)
            {
                refused.Add($"[{rpc}] answered {Describe(refusal)}");
            }
        }

        baselines.Count.ShouldBe(20, "every RPC but ImportIceList has a valid request its cases spoil");
        refused.ShouldBeEmpty(string.Join(Environment.NewLine, refused));
    }

    [Theory]
    [MemberData(nameof(UnknownIdRpcs))]
    public async Task A_well_formed_agreement_id_that_names_nothing_is_not_found(string rpc)
    {
        var id = NewId();
        var call = UnknownIdCalls.Single(c => c.Name == rpc).Call;

        var refusal = await RefusalOf(() => call(system.Staff, id));

        if (refusal is null)
        {
            Assert.Fail($"[{rpc}] answered OK for an agreement that does not exist.");
        }
        refusal.StatusCode.ShouldBe(StatusCode.NotFound, $"[{rpc}] answered {Describe(refusal)}");
        (refusal.Resource()?.ResourceType).ShouldBe("agreement", $"[{rpc}] answered {Describe(refusal)}");
        (refusal.Resource()?.ResourceName).ShouldBe(id, $"[{rpc}] answered {Describe(refusal)}");
    }

    [Fact]
    public async Task A_valid_application_for_an_agency_that_is_not_registered_is_not_found()
    {
        var agencyId = NewId();

        var refusal = await Should.ThrowAsync<RpcException>(() => system.Staff.SubmitApplicationAsync(Application(agencyId)).ResponseAsync);

        refusal.StatusCode.ShouldBe(StatusCode.NotFound, Describe(refusal));
        refusal.Resource()!.ResourceType.ShouldBe("agency");
        refusal.Resource()!.ResourceName.ShouldBe(agencyId);
    }

    [Theory]
    [MemberData(nameof(EdgeInputs))]
    public async Task Input_at_the_edges_is_answered_or_refused_naming_the_field_never_failed(string name)
    {
        var edge = Edges.Single(e => e.Name == name);

        var refusal = await RefusalOf(() => edge.Call(system));

        if (refusal is not null)
        {
            refusal.StatusCode.ShouldNotBe(StatusCode.Internal, $"[{name}] answered {Describe(refusal)}");
            refusal.StatusCode.ShouldNotBe(StatusCode.Unknown, $"[{name}] answered {Describe(refusal)}");
            if (refusal.StatusCode == StatusCode.InvalidArgument)
            {
                refusal.BadFields().ShouldContain(edge.Field, $"[{name}] answered {Describe(refusal)}");
            }
        }
    }

    [Fact]
    public async Task No_case_in_the_tables_fails_with_internal_or_unknown()
    {
        var failures = new List<string>();
        var cases = AllBadCases.Concat(Edges)
            .Concat(UnknownIdCalls.Select(c => new BadCase($"{c.Name}: unknown agreement_id", "", system => c.Call(system.Staff, NewId()))))
            .Append(new BadCase("SubmitApplication: unregistered agency", "", system => system.Staff.SubmitApplicationAsync(Application(NewId())).ResponseAsync));
        foreach (var sweptCase in cases)
        {
            if (await RefusalOf(() => sweptCase.Call(system)) is { StatusCode: StatusCode.Internal or StatusCode.Unknown } failure)
            {
                failures.Add($"[{sweptCase.Name}] answered {Describe(failure)}");
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    // ---- Helpers --------------------------------------------------------------------------------------------------

    private static async Task<RpcException?> RefusalOf(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (RpcException exception)
        {
            return exception;
        }
    }

    /// <summary>A page token as the service encodes one (base64url JSON), for the unfiltered pending list, made up here.</summary>
    private static string ForgedPendingToken(string state, string asOf) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new
        {
            S = state, N = "test county", M = "jem", I = Guid.Empty, F = "pending|||", A = asOf,
        }));

    /// <summary>A page token as the service encodes one for the unfiltered ListAgreements (an envelope of the cursor and
    /// the filter key), made up here.</summary>
    private static string ForgedAgreementsToken(string submittedAt) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new
        {
            C = new { SubmittedAt = submittedAt, Id = Guid.Empty }, F = "all|||||",
        }));

    private static string Describe(RpcException refusal) =>
        $"{refusal.StatusCode} \"{refusal.Status.Detail}\" naming [{string.Join(", ", refusal.BadFields())}]";

    /// <summary>Sends the messages (as far as the server reads them), then reads the answers to the end.</summary>
    private static async Task<int> ImportAsync(AgreementService.AgreementServiceClient client, ImportIceListRequest[] messages)
    {
        using var call = client.ImportIceList();
        try
        {
            foreach (var message in messages)
            {
                await call.RequestStream.WriteAsync(message);
            }
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception exception) when (exception is RpcException or InvalidOperationException)
        {
            // The server ended the call before reading everything; its status is what the response stream ends with.
        }
        var answers = 0;
        while (await call.ResponseStream.MoveNext())
        {
            answers++;
        }
        return answers;
    }

    private static async Task<int> ExportAsync(AgreementService.AgreementServiceClient client, ExportIceListRequest request)
    {
        using var call = client.ExportIceList(request);
        var answers = 0;
        while (await call.ResponseStream.MoveNext())
        {
            answers++;
        }
        return answers;
    }

    private static async Task<int> DownloadAsync(AgreementService.AgreementServiceClient client, DownloadDocumentRequest request)
    {
        using var call = client.DownloadDocument(request);
        var answers = 0;
        while (await call.ResponseStream.MoveNext())
        {
            answers++;
        }
        return answers;
    }

    /// <summary>A real xlsx workbook whose one sheet holds a shopping list, not ICE's columns.</summary>
    private static byte[] NotAnIceList()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            worksheet.Worksheet = new Worksheet(new SheetData(
                TextRow(1, "ITEM", "QUANTITY"),
                TextRow(2, "Coffee", "2")));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "Groceries" }));
        }
        return stream.ToArray();
    }

    private static Row TextRow(uint number, params string[] texts) =>
        new(texts.Select((text, column) => new Cell
        {
            CellReference = $"{(char)('A' + column)}{number}",
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(text)),
        }))
        { RowIndex = number };

    /// <summary>The workbook with its worksheet part replaced by XML that does not parse.</summary>
    private static byte[] WithBrokenSheet(byte[] xlsx)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var sheet = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
            var name = sheet.FullName;
            sheet.Delete();
            using var writer = zip.CreateEntry(name).Open();
            writer.Write(Encoding.UTF8.GetBytes("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c"));
        }
        return stream.ToArray();
    }

    private static byte[] ZipOf(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }
        return stream.ToArray();
    }
}
