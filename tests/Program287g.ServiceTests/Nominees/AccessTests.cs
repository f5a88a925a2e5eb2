using Grpc.Core;
using Program287g.Agreement.V1;
using Program287g.Nominee.V1;

namespace Program287g.ServiceTests.Nominees;

/// <summary>Nominee records are personal data: an agency user reads and acts on its own agency's only; ICE's decisions
/// are program staff's; ICE's systems of record may record background and training results.</summary>
[Collection(ServersCollection.Name)]
public sealed class AccessTests(NomineeSystemFixture fixture) : IClassFixture<NomineeSystemFixture>
{
    private readonly NomineeSystem _system = fixture.System;
    private readonly NomineePath _path = new(fixture.System);

    private NomineeService.NomineeServiceClient As(string token) => _system.Nominees(token);

    private static async Task<StatusCode> CodeOf(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException exception)
        {
            return exception.StatusCode;
        }
    }

    [Fact]
    public async Task An_agency_user_cannot_read_another_agencys_nominee()
    {
        var theirs = await _system.NominateAsync(await _system.ActiveAgreementAsync());
        var ours = await _system.ActiveAgreementAsync();
        var user = As(_system.Tokens.AgencyUser(ours.Agency.AgencyId));

        (await CodeOf(() => user.GetNomineeAsync(new() { NomineeId = theirs.NomineeId }).ResponseAsync)).ShouldBe(StatusCode.PermissionDenied);
        (await CodeOf(() => user.GetNomineeHistoryAsync(new() { NomineeId = theirs.NomineeId }).ResponseAsync)).ShouldBe(StatusCode.PermissionDenied);
        (await CodeOf(() => user.ListNomineesAsync(new() { AgencyId = theirs.Agency.AgencyId }).ResponseAsync)).ShouldBe(StatusCode.PermissionDenied);
        (await CodeOf(() => user.WithdrawNominationAsync(new() { NomineeId = theirs.NomineeId }).ResponseAsync)).ShouldBe(StatusCode.PermissionDenied);
        (await _system.Nominees().GetNomineeAsync(new() { NomineeId = theirs.NomineeId })).Nominee.Status.ShouldBe(NomineeStatus.Eligible);
        // Not even a refusal tells it where another agency's officer stands.
        var officer = await _path.InStatusAsync(NomineeStatus.Authorized, await _system.SharedAgreementAsync(Model.Jem));
        (await CodeOf(() => user.WithdrawNominationAsync(new() { NomineeId = officer.NomineeId }).ResponseAsync)).ShouldBe(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task An_agency_user_nominates_reads_lists_and_withdraws_its_own_agencys_nominees_only()
    {
        var agreement = await _system.ActiveAgreementAsync();
        await _system.NominateAsync(await _system.ActiveAgreementAsync());
        var user = As(_system.Tokens.AgencyUser(agreement.Agency.AgencyId));

        var nominee = (await user.NominateOfficerAsync(NomineeSystem.Nomination(agreement))).Nominee;
        (await user.GetNomineeAsync(new() { NomineeId = nominee.NomineeId })).Nominee.NomineeId.ShouldBe(nominee.NomineeId);
        var listed = (await user.ListNomineesAsync(new() { PageSize = 500 })).Nominees;
        listed.ShouldHaveSingleItem().NomineeId.ShouldBe(nominee.NomineeId);
        (await user.WithdrawNominationAsync(new() { NomineeId = nominee.NomineeId })).Nominee.Status.ShouldBe(NomineeStatus.Withdrawn);

        var other = await _system.ActiveAgreementAsync();
        var forOther = NomineeSystem.Nomination(other);
        (await CodeOf(() => user.NominateOfficerAsync(forOther).ResponseAsync)).ShouldBe(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task Only_program_staff_take_ICEs_decisions_and_internal_systems_record_background_and_training()
    {
        var agreement = await _system.SharedAgreementAsync(Model.Jem);
        var agencyUser = As(_system.Tokens.AgencyUser(agreement.Agency.AgencyId));
        var internalSystem = As(_system.Tokens.Internal());
        var eligible = await _path.InStatusAsync(NomineeStatus.Eligible, agreement);
        var today = _system.DaysAgo(0);

        (await CodeOf(() => agencyUser.StartBackgroundInvestigationAsync(new() { NomineeId = eligible.NomineeId, StartedOn = today })
            .ResponseAsync)).ShouldBe(StatusCode.PermissionDenied);
        (await CodeOf(() => internalSystem.StartBackgroundInvestigationAsync(new() { NomineeId = eligible.NomineeId, StartedOn = today })
            .ResponseAsync)).ShouldBe(StatusCode.OK);

        var trained = await _path.InStatusAsync(NomineeStatus.Trained, agreement);
        var certify = new CertifyOfficerRequest { NomineeId = trained.NomineeId, CertifiedOn = today, CertifiedBy = "A", CertifiedByTitle = "B" };
        (await CodeOf(() => internalSystem.CertifyOfficerAsync(certify).ResponseAsync)).ShouldBe(StatusCode.PermissionDenied);
        (await CodeOf(() => agencyUser.CertifyOfficerAsync(certify).ResponseAsync)).ShouldBe(StatusCode.PermissionDenied);

        var officer = await _path.InStatusAsync(NomineeStatus.Authorized, agreement);
        foreach (var call in new Func<NomineeService.NomineeServiceClient, Task>[]
        {
            c => c.SuspendAuthorizationAsync(new() { NomineeId = officer.NomineeId, Reason = "r" }).ResponseAsync,
            c => c.RevokeAuthorizationAsync(new() { NomineeId = officer.NomineeId, Reason = "r" }).ResponseAsync,
            c => c.IssueAuthorizationAsync(new() { NomineeId = officer.NomineeId, IssuedOn = today, IssuingOffice = "o" }).ResponseAsync,
        })
        {
            (await CodeOf(() => call(agencyUser))).ShouldBe(StatusCode.PermissionDenied);
            (await CodeOf(() => call(internalSystem))).ShouldBe(StatusCode.PermissionDenied);
        }
        (await _system.Nominees().GetNomineeAsync(new() { NomineeId = officer.NomineeId })).Nominee.Status.ShouldBe(NomineeStatus.Authorized);
    }

    [Fact]
    public async Task No_call_is_served_without_a_valid_token()
    {
        var nominee = await _system.NominateAsync(await _system.SharedAgreementAsync(Model.Jem));
        var anonymous = new NomineeService.NomineeServiceClient(_system.NomineeHost.Channel());

        (await CodeOf(() => anonymous.GetNomineeAsync(new() { NomineeId = nominee.NomineeId }).ResponseAsync)).ShouldBe(StatusCode.Unauthenticated);
        (await CodeOf(() => anonymous.ListTrainingCoursesAsync(new()).ResponseAsync)).ShouldBe(StatusCode.Unauthenticated);
        (await CodeOf(() => As(_system.Tokens.Expired()).GetNomineeAsync(new() { NomineeId = nominee.NomineeId }).ResponseAsync))
            .ShouldBe(StatusCode.Unauthenticated);
    }
}
