using Grpc.Core;
using Program287g.Agency.V1;
using Program287g.Agreement.V1;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceTests.Agreements;
using static Program287g.ServiceTests.Agreements.AgreementSystem;

namespace Program287g.ServiceTests.Audit;

/// <summary>Every write RPC of the Agency and Agreement services leaves one audit record per record it changed, naming
/// the caller; a refused write leaves none, since the record is written in the write's own transaction.</summary>
[Collection(ServersCollection.Name)]
public sealed class AgencyAgreementAuditTests(AgreementSystemFixture fixture) : IClassFixture<AgreementSystemFixture>
{
    private const string AgencyRpc = "program287g.agency.v1.AgencyService/";
    private const string AgreementRpc = "program287g.agreement.v1.AgreementService/";
    private readonly AgreementSystem _system = fixture.System;

    private AuditReader AgencyAudit => AuditReader.Of(_system.AgencyHost, ResourceNames.AgencyDatabase, _system.Tokens);
    private AuditReader AgreementAudit => AuditReader.Of(_system.AgreementHost, ResourceNames.AgreementDatabase, _system.Tokens);

    [Fact]
    public async Task Registering_an_agency_is_audited_for_the_caller_with_codes_not_its_name()
    {
        var client = AuditReader.NewClient();
        var name = $"Audit County {Guid.NewGuid():N} Sheriff's Office";

        var agency = (await _system.Agencies(_system.Tokens.Staff(client)).RegisterAgencyAsync(Registration(name))).Agency;

        var record = await AgencyAudit.OnlyRecordOfCallAsync(client, "agency", agency.AgencyId);
        record.ShouldBeBy("staff@test", Roles.ProgramStaff, client, AgencyRpc + "RegisterAgency");
        record.Detail.ShouldContain("state=TX");
        record.Detail.ShouldNotContain("Audit County");
    }

    [Fact]
    public async Task An_agency_user_updating_its_agency_is_audited_with_its_agency()
    {
        var agency = await _system.RegisterAgencyAsync();
        var client = AuditReader.NewClient();

        await _system.Agencies(_system.Tokens.AgencyUser(agency.AgencyId, client)).UpdateAgencyAsync(Update(agency, agency.Version));

        var record = await AgencyAudit.OnlyRecordOfCallAsync(client, "agency", agency.AgencyId);
        record.ShouldBeBy("officer@test", Roles.AgencyUser, client, AgencyRpc + "UpdateAgency", agency.AgencyId);
    }

    [Fact]
    public async Task Resolving_audits_each_agency_it_registers_and_none_it_only_finds()
    {
        var listed = new ListedAgency { Name = $"Audit County {Guid.NewGuid():N} Sheriff's Office", State = "TX", Type = AgencyType.County };
        var first = AuditReader.NewClient();
        var again = AuditReader.NewClient();

        var resolved = (await _system.Agencies(_system.Tokens.Internal(first)).ResolveAgenciesAsync(new() { Agencies = { listed } })).Agencies;
        await _system.Agencies(_system.Tokens.Internal(again)).ResolveAgenciesAsync(new() { Agencies = { listed } });

        var record = await AgencyAudit.OnlyRecordOfCallAsync(first, "agency", resolved.Single().Agency.AgencyId);
        record.ShouldBeBy("system@test", Roles.InternalSystem, first, AgencyRpc + "ResolveAgencies");
        (await AgencyAudit.CountOfClientAsync(again)).ShouldBe(0);
    }

    [Fact]
    public async Task A_refused_registration_or_update_leaves_no_audit_record()
    {
        var agency = await _system.RegisterAgencyAsync();
        var client = AuditReader.NewClient();
        var agencies = _system.Agencies(_system.Tokens.Staff(client));

        (await Should.ThrowAsync<RpcException>(() => agencies.RegisterAgencyAsync(Registration(agency.Name)).ResponseAsync))
            .StatusCode.ShouldBe(StatusCode.AlreadyExists);
        (await Should.ThrowAsync<RpcException>(() => agencies.UpdateAgencyAsync(Update(agency, agency.Version + 5)).ResponseAsync))
            .StatusCode.ShouldBe(StatusCode.Aborted);

        (await AgencyAudit.CountOfClientAsync(client)).ShouldBe(0);
    }

    [Fact]
    public async Task An_agency_user_submitting_an_application_is_audited_with_its_agency()
    {
        var agency = await _system.RegisterAgencyAsync();
        var client = AuditReader.NewClient();

        var submitted = (await _system.Agreements(_system.Tokens.AgencyUser(agency.AgencyId, client))
            .SubmitApplicationAsync(Application(agency.AgencyId))).Agreement;

        var record = await AgreementAudit.OnlyRecordOfCallAsync(client, "agreement", submitted.AgreementId);
        record.ShouldBeBy("officer@test", Roles.AgencyUser, client, AgreementRpc + "SubmitApplication", agency.AgencyId);
        record.Detail.ShouldBe($"reference={submitted.ReferenceNumber} model=JEM status=pending agency={agency.AgencyId}");
    }

    [Theory]
    [InlineData("WithdrawApplication", "pending")]
    [InlineData("DeclineApplication", "pending")]
    [InlineData("SignAgreement", "pending")]
    [InlineData("SuspendAgreement", "active")]
    [InlineData("ReinstateAgreement", "suspended")]
    [InlineData("TerminateAgreement", "active")]
    [InlineData("RecordAddendum", "active")]
    public async Task Each_lifecycle_rpc_leaves_one_audit_record_of_the_agreement_for_the_caller(string rpc, string from)
    {
        var agreement = from switch
        {
            "pending" => await _system.PendingAsync(),
            "active" => await _system.ActiveAsync(),
            _ => (await _system.Agreements().SuspendAgreementAsync(new() { AgreementId = (await _system.ActiveAsync()).AgreementId, Reason = "inquiry" })).Agreement,
        };
        var client = AuditReader.NewClient();

        await CallAsync(rpc, agreement.AgreementId, _system.Agreements(_system.Tokens.Staff(client)));

        var record = await AgreementAudit.OnlyRecordOfCallAsync(client, "agreement", agreement.AgreementId);
        record.ShouldBeBy("staff@test", Roles.ProgramStaff, client, AgreementRpc + rpc);
    }

    [Fact]
    public async Task A_supersession_audits_both_the_superseded_agreement_and_its_replacement()
    {
        var active = await _system.ActiveAsync();
        var client = AuditReader.NewClient();

        var response = await _system.Agreements(_system.Tokens.Staff(client)).SupersedeAgreementAsync(new()
        {
            AgreementId = active.AgreementId, Moa = Document("%PDF re-signed", DaysAgo(1)),
            IceSignature = new Signature { SignerName = "Ana Official", SignerTitle = "FOD", SignedOn = DaysAgo(0) },
        });

        (await AgreementAudit.CountOfClientAsync(client)).ShouldBe(2);
        foreach (var id in new[] { response.Superseded.AgreementId, response.Replacement.AgreementId })
        {
            (await AgreementAudit.OfRecordAsync("agreement", id)).Where(r => r.ClientId == client).ShouldHaveSingleItem()
                .ShouldBeBy("staff@test", Roles.ProgramStaff, client, AgreementRpc + "SupersedeAgreement");
        }
    }

    [Fact]
    public async Task A_renewal_is_audited_when_submitted_and_its_signature_audits_the_agreement_it_supersedes_too()
    {
        var renewed = await _system.ActiveAsync(signedDaysAgo: 10);
        var request = Application(renewed.Agency.AgencyId, renewed.Model, signedDaysAgo: 3);
        request.RenewsAgreementId = renewed.AgreementId;
        var (submitting, signing) = (AuditReader.NewClient(), AuditReader.NewClient());

        var renewal = (await _system.Agreements(_system.Tokens.Staff(submitting)).SubmitApplicationAsync(request)).Agreement;
        await _system.Agreements(_system.Tokens.Staff(signing)).SignAgreementAsync(new()
        {
            AgreementId = renewal.AgreementId, IceSignature = new Signature { SignerName = "Ana Official", SignerTitle = "FOD", SignedOn = DaysAgo(1) },
        });

        (await AgreementAudit.OnlyRecordOfCallAsync(submitting, "agreement", renewal.AgreementId))
            .ShouldBeBy("staff@test", Roles.ProgramStaff, submitting, AgreementRpc + "SubmitApplication");
        (await AgreementAudit.CountOfClientAsync(signing)).ShouldBe(2);
        (await AgreementAudit.OfRecordAsync("agreement", renewed.AgreementId)).Where(r => r.ClientId == signing).ShouldHaveSingleItem()
            .Detail.ShouldContain("status=superseded");
        (await AgreementAudit.OfRecordAsync("agreement", renewal.AgreementId)).Where(r => r.ClientId == signing).ShouldHaveSingleItem()
            .Detail.ShouldContain("status=active");
    }

    [Fact]
    public async Task Replacing_a_state_s_covered_list_is_audited_with_its_size_not_its_names()
    {
        var client = AuditReader.NewClient();
        var name = $"Audit County {Guid.NewGuid():N} Sheriff's Office";
        var request = new ReplaceCoveredAgenciesRequest
        {
            State = "AR", Agencies = { new CoveredAgency { Name = name, County = "Audit", Kind = CoveredAgencyKind.Sheriff } },
        };

        await _system.Agreements(_system.Tokens.Staff(client)).ReplaceCoveredAgenciesAsync(request);

        var record = await AgreementAudit.OnlyRecordOfCallAsync(client, "covered_agency_list", "AR");
        record.ShouldBeBy("staff@test", Roles.ProgramStaff, client, AgreementRpc + "ReplaceCoveredAgencies");
        record.Detail.ShouldBe("state=AR agencies=1");
    }

    [Fact]
    public async Task A_refused_transition_leaves_no_audit_record_even_when_refused_after_the_row_was_locked()
    {
        var active = await _system.ActiveAsync();
        var pending = await _system.PendingAsync();
        var client = AuditReader.NewClient();
        var agreements = _system.Agreements(_system.Tokens.Staff(client));

        (await Should.ThrowAsync<RpcException>(() => agreements.WithdrawApplicationAsync(new() { AgreementId = active.AgreementId }).ResponseAsync))
            .StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        // Refused inside the transaction, after the lock: ICE cannot sign before the agency did.
        (await Should.ThrowAsync<RpcException>(() => agreements.SignAgreementAsync(new()
        {
            AgreementId = pending.AgreementId, IceSignature = new Signature { SignerName = "Ana Official", SignerTitle = "FOD", SignedOn = DaysAgo(30) },
        }).ResponseAsync)).StatusCode.ShouldBe(StatusCode.InvalidArgument);

        (await AgreementAudit.CountOfClientAsync(client)).ShouldBe(0);
    }

    private static Task CallAsync(string rpc, string id, AgreementService.AgreementServiceClient staff) => rpc switch
    {
        "WithdrawApplication" => staff.WithdrawApplicationAsync(new() { AgreementId = id, Reason = "changed our mind" }).ResponseAsync,
        "DeclineApplication" => staff.DeclineApplicationAsync(new() { AgreementId = id, Reason = "incomplete MOA" }).ResponseAsync,
        "SignAgreement" => staff.SignAgreementAsync(new()
        {
            AgreementId = id, IceSignature = new Signature { SignerName = "Ana Official", SignerTitle = "FOD", SignedOn = DaysAgo(1) },
        }).ResponseAsync,
        "SuspendAgreement" => staff.SuspendAgreementAsync(new() { AgreementId = id, Reason = "misconduct inquiry" }).ResponseAsync,
        "ReinstateAgreement" => staff.ReinstateAgreementAsync(new() { AgreementId = id, Note = "inquiry closed" }).ResponseAsync,
        "TerminateAgreement" => staff.TerminateAgreementAsync(new()
        {
            AgreementId = id, NoticeGivenBy = Party.Ice, NoticeDate = DaysAgo(0), Reason = "program review",
        }).ResponseAsync,
        "RecordAddendum" => staff.RecordAddendumAsync(new()
        {
            AgreementId = id, Description = "Adds a second jail", Document = Document("%PDF addendum", DaysAgo(0)),
        }).ResponseAsync,
        _ => throw new ArgumentOutOfRangeException(nameof(rpc), rpc, null),
    };

    private static RegisterAgencyRequest Registration(string name) => new()
    {
        Name = name, State = "TX", Type = AgencyType.County, Kind = AgencyKind.SheriffsOffice, County = "Test",
        AgencyHead = "Sheriff Pat Example", PointOfContact = new PointOfContact { Name = "Jo Contact", Email = "jo.contact@example.gov" },
    };

    private static UpdateAgencyRequest Update(Program287g.Agency.V1.Agency agency, long version) => new()
    {
        AgencyId = agency.AgencyId, Version = version, Name = agency.Name, State = agency.State, Type = agency.Type, Kind = agency.Kind,
        County = agency.County, AgencyHead = "Sheriff Robin Newhead",
        PointOfContact = new PointOfContact { Name = "Jo Contact", Email = "jo.contact@example.gov" },
    };
}
