using Grpc.Core;
using Program287g.Agreement.V1;
using Program287g.Testing;

namespace Program287g.ServiceTests.Nominees;

/// <summary>Once the Nominee service knows an agreement to be active (from a nomination under it, kept current by the
/// Agreement service's events), further nominations under it ask neither the Agency nor the Agreement service; what it
/// knows otherwise, or does not know, is asked.</summary>
[Collection(ServersCollection.Name)]
public sealed class KnownAgreementTests(TestInfrastructure servers) : IAsyncLifetime
{
    private NomineeSystem _system = null!;

    public async Task InitializeAsync() => _system = await NomineeSystem.StartAsync(servers);

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Officers_are_nominated_under_a_known_active_agreement_while_the_other_services_are_down()
    {
        var agreement = await _system.ActiveAgreementAsync(Model.Tfm, "AZ");
        var first = await _system.NominateAsync(agreement);
        var unknown = await _system.ActiveAgreementAsync(Model.Jem, "AZ");

        await _system.Programs.AgreementHost.DisposeAsync();
        await _system.Programs.AgencyHost.DisposeAsync();

        var second = (await _system.Nominees().NominateOfficerAsync(NomineeSystem.Nomination(agreement))).Nominee;
        second.Agreement.ShouldBe(first.Agreement);
        second.Agency.ShouldBe(first.Agency);
        second.NomineeId.ShouldNotBe(first.NomineeId);
        // An agreement it has not heard of needs the Agreement service, which cannot answer.
        var refusal = await Should.ThrowAsync<RpcException>(() =>
            _system.Nominees().NominateOfficerAsync(NomineeSystem.Nomination(unknown)).ResponseAsync);
        refusal.StatusCode.ShouldBe(StatusCode.Unavailable);
    }

    [Fact]
    public async Task Once_the_suspension_of_a_known_agreement_is_heard_nominations_are_refused_and_after_its_reinstatement_taken()
    {
        var agreement = await _system.ActiveAgreementAsync(Model.Jem, "NV");
        await _system.NominateAsync(agreement);
        var agreements = _system.Programs.Agreements();

        await agreements.SuspendAgreementAsync(new() { AgreementId = agreement.AgreementId, Reason = "review" });
        await MirroredStatusBecomesAsync(agreement.AgreementId, "suspended");

        var refusal = await Should.ThrowAsync<RpcException>(() =>
            _system.Nominees().NominateOfficerAsync(NomineeSystem.Nomination(agreement)).ResponseAsync);
        refusal.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        refusal.Status.Detail.ShouldContain("is suspended");

        // Reinstated: even before the news arrives the nomination goes, the Agreement service being asked.
        await agreements.ReinstateAgreementAsync(new() { AgreementId = agreement.AgreementId });
        var taken = (await _system.Nominees().NominateOfficerAsync(NomineeSystem.Nomination(agreement))).Nominee;
        taken.Agreement.AgreementId.ShouldBe(agreement.AgreementId);
        await MirroredStatusBecomesAsync(agreement.AgreementId, "active");
    }

    private async Task MirroredStatusBecomesAsync(string agreementId, string status)
    {
        var database = _system.NomineeHost.Services.GetRequiredService<IConfiguration>().GetConnectionString(ResourceNames.NomineeDatabase);
        await Eventually.ReturnsAsync(async () =>
        {
            await using var connection = new Npgsql.NpgsqlConnection(database);
            return await Dapper.SqlMapper.QuerySingleOrDefaultAsync<string>(connection,
                "SELECT status FROM agreements WHERE agreement_id = @id::uuid", new { id = agreementId });
        }, known => known == status, TimeSpan.FromSeconds(10));
    }
}
