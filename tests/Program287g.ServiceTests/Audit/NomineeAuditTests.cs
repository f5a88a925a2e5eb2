using Grpc.Core;
using Program287g.Agreement.V1;
using Program287g.Nominee.V1;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceTests.Nominees;

namespace Program287g.ServiceTests.Audit;

/// <summary>The nomination and every step of the pipeline leave one audit record of the nominee for the caller, with
/// ids and codes only: nothing of the officer's name, badge, email, phone or date of birth.</summary>
[Collection(ServersCollection.Name)]
public sealed class NomineeAuditTests(NomineeSystemFixture fixture) : IClassFixture<NomineeSystemFixture>
{
    private const string NomineeRpc = "program287g.nominee.v1.NomineeService/";
    private readonly NomineeSystem _system = fixture.System;

    private AuditReader Audit => AuditReader.Of(_system.NomineeHost, ResourceNames.NomineeDatabase, _system.Tokens);

    [Fact]
    public async Task An_agency_user_nominating_an_officer_is_audited_with_its_agency_and_no_personal_data()
    {
        var agreement = await _system.SharedAgreementAsync(Model.Jem);
        var client = AuditReader.NewClient();
        var request = NomineeSystem.Nomination(agreement);

        var nominee = (await _system.Nominees(_system.Tokens.AgencyUser(agreement.Agency.AgencyId, client)).NominateOfficerAsync(request)).Nominee;

        var record = await Audit.OnlyRecordOfCallAsync(client, "nominee", nominee.NomineeId);
        record.ShouldBeBy("officer@test", Roles.AgencyUser, client, NomineeRpc + "NominateOfficer", agreement.Agency.AgencyId);
        record.Detail.ShouldStartWith($"step=nominated reference={nominee.ReferenceNumber} status=");
        foreach (var personal in new[] { request.Officer.GivenName, request.Officer.FamilyName, request.Officer.BadgeNumber, request.Officer.Email,
            request.Officer.Phone, "1985" })
        {
            record.Detail.ShouldNotContain(personal);
        }
    }

    public static TheoryData<string, string, NomineeStatus> Steps() => new()
    {
        { "withdraw", "WithdrawNomination", NomineeStatus.Eligible },
        { "start-background", "StartBackgroundInvestigation", NomineeStatus.Eligible },
        { "record-background", "RecordBackgroundResult", NomineeStatus.BackgroundInProgress },
        { "enroll", "EnrollInTraining", NomineeStatus.Cleared },
        { "record-exam", "RecordExamResult", NomineeStatus.InTraining },
        { "certify", "CertifyOfficer", NomineeStatus.Trained },
        { "issue-authorization", "IssueAuthorization", NomineeStatus.Certified },
        { "suspend", "SuspendAuthorization", NomineeStatus.Authorized },
        { "reinstate", "ReinstateAuthorization", NomineeStatus.Suspended },
        { "revoke", "RevokeAuthorization", NomineeStatus.Authorized },
        { "record-refresher", "RecordRefresherTraining", NomineeStatus.Authorized },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task Each_step_leaves_one_audit_record_of_the_nominee_for_the_caller(string step, string rpc, NomineeStatus from)
    {
        var path = new NomineePath(_system);
        var nominee = await path.InStatusAsync(from, await _system.SharedAgreementAsync(Model.Jem));
        var client = AuditReader.NewClient();

        await path.Do(step, nominee, token: _system.Tokens.Staff(client));

        var record = await Audit.OnlyRecordOfCallAsync(client, "nominee", nominee.NomineeId);
        record.ShouldBeBy("staff@test", Roles.ProgramStaff, client, NomineeRpc + rpc);
        record.Detail.ShouldNotContain(nominee.Officer.FamilyName);
    }

    [Fact]
    public async Task A_step_refused_from_the_nominees_status_leaves_no_audit_record()
    {
        var nominee = await _system.NominateAsync(await _system.SharedAgreementAsync(Model.Jem));
        var client = AuditReader.NewClient();

        var refused = await Should.ThrowAsync<RpcException>(() => new NomineePath(_system).Do("certify", nominee, token: _system.Tokens.Staff(client)));

        refused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        (await Audit.CountOfClientAsync(client)).ShouldBe(0);
    }
}
