using Grpc.Core;
using Program287g.Agreement.V1;
using Program287g.Nominee.V1;
using Program287g.ServiceTests.Agreements;
using Program287g.Testing;

namespace Program287g.ServiceTests.Nominees;

[Collection(ServersCollection.Name)]
public sealed class ListTests(NomineeSystemFixture fixture) : IClassFixture<NomineeSystemFixture>
{
    private readonly NomineeSystem _system = fixture.System;
    private readonly NomineePath _path = new(fixture.System);

    private NomineeService.NomineeServiceClient Staff => _system.Nominees();

    [Fact]
    public async Task Nominees_and_officers_are_listed_by_agency_agreement_model_and_status()
    {
        var jem = await _system.ActiveAgreementAsync(Model.Jem);
        // The same agency's second agreement, for another model.
        var application = await _system.Programs.Agreements().SubmitApplicationAsync(AgreementSystem.Application(jem.Agency.AgencyId, Model.Tfm));
        var tfm = await _system.Programs.Agreements().SignAgreementAsync(new()
        {
            AgreementId = application.Agreement.AgreementId,
            IceSignature = new Signature { SignerName = "Ana Official", SignerTitle = "FOD", SignedOn = AgreementSystem.DaysAgo(1) },
        });
        var officer = await _path.InStatusAsync(NomineeStatus.Authorized, jem);
        var eligible = await _path.InStatusAsync(NomineeStatus.Eligible, jem);
        var tfmNominee = await _path.InStatusAsync(NomineeStatus.Cleared, tfm.Agreement);
        await _system.NominateAsync(await _system.ActiveAgreementAsync());

        var byAgency = (await Staff.ListNomineesAsync(new() { AgencyId = jem.Agency.AgencyId })).Nominees.Select(n => n.NomineeId);
        byAgency.Order().ShouldBe(new[] { officer.NomineeId, eligible.NomineeId, tfmNominee.NomineeId }.Order());
        (await Staff.ListNomineesAsync(new() { AgreementId = tfm.Agreement.AgreementId })).Nominees.ShouldHaveSingleItem()
            .NomineeId.ShouldBe(tfmNominee.NomineeId);
        (await Staff.ListNomineesAsync(new() { AgencyId = jem.Agency.AgencyId, Model = Model.Jem })).Nominees.Count.ShouldBe(2);
        var officers = new ListNomineesRequest { AgencyId = jem.Agency.AgencyId };
        officers.Statuses.Add(NomineeStatus.Authorized);
        officers.Statuses.Add(NomineeStatus.Suspended);
        (await Staff.ListNomineesAsync(officers)).Nominees.ShouldHaveSingleItem().Authorization.AuthorizationNumber
            .ShouldBe(officer.Authorization.AuthorizationNumber);
    }

    [Fact]
    public async Task Pages_follow_one_another_by_family_name_and_a_token_only_serves_its_own_filters()
    {
        var agreement = await _system.ActiveAgreementAsync();
        var made = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            made.Add((await _system.NominateAsync(agreement)).NomineeId);
        }
        var request = new ListNomineesRequest { AgreementId = agreement.AgreementId, PageSize = 2 };
        var seen = new List<Program287g.Nominee.V1.Nominee>();
        string token;
        var pages = 0;
        do
        {
            var page = await Staff.ListNomineesAsync(request);
            page.Nominees.Count.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(page.Nominees);
            token = request.PageToken = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        pages.ShouldBe(3);
        seen.Select(n => n.NomineeId).Order().ShouldBe(made.Order());
        seen.Select(n => n.Officer.FamilyName.ToUpperInvariant()).ShouldBeInOrder();
        var first = await Staff.ListNomineesAsync(new() { AgreementId = agreement.AgreementId, PageSize = 2 });
        var misused = await Should.ThrowAsync<RpcException>(() =>
            Staff.ListNomineesAsync(new() { PageSize = 2, PageToken = first.NextPageToken }).ResponseAsync);
        misused.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        misused.BadFields().ShouldBe(["page_token"]);
    }
}
