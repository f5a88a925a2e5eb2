using System.Security.Cryptography;
using Grpc.Core;
using Program287g.Agency.V1;
using Program287g.Agreement.V1;
using Program287g.Testing;
using static Program287g.ServiceTests.Agreements.AgreementSystem;

namespace Program287g.ServiceTests.Agreements;

[Collection(ServersCollection.Name)]
public sealed class AgreementApplicationTests(AgreementSystemFixture fixture) : IClassFixture<AgreementSystemFixture>
{
    private readonly AgreementSystem _system = fixture.System;

    [Fact]
    public async Task An_application_is_pending_with_both_signed_documents_hashed_and_an_event_for_the_acknowledgment()
    {
        var agency = await _system.RegisterAgencyAsync("FL");

        var application = (await _system.Agreements().SubmitApplicationAsync(Application(agency.AgencyId, Model.Tfm))).Agreement;

        application.Status.ShouldBe(AgreementStatus.Pending);
        application.Model.ShouldBe(Model.Tfm);
        application.Agency.Name.ShouldBe(agency.Name);
        application.Agency.State.ShouldBe("FL");
        application.ReferenceNumber.ShouldMatch(@"^287G-\d{4}-\d{6}$");
        application.AgencySignedMoa.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData("%PDF MOA Tfm"u8.ToArray())));
        application.LetterOfInterest.SignerName.ShouldBe("Pat Example");
        var read = (await _system.Agreements().GetAgreementAsync(new() { AgreementId = application.AgreementId })).Agreement;
        read.ShouldBe(application);
        var events = await _system.OutboxAsync("ApplicationSubmitted", application.AgreementId);
        events.Count.ShouldBe(1);
        events[0].GetProperty("ContactEmail").GetString().ShouldBe("jo.contact@example.gov");
        events[0].GetProperty("ReferenceNumber").GetString().ShouldBe(application.ReferenceNumber);
        events[0].GetProperty("Source").GetString().ShouldBe("api");
    }

    [Fact]
    public async Task A_document_may_be_given_by_reference_with_its_hash()
    {
        var agency = await _system.RegisterAgencyAsync();
        var request = Application(agency.AgencyId);
        var hash = new string('a', 64);
        request.Moa = new SignedDocument
        {
            Reference = new DocumentReference { Uri = "https://docs.example.gov/moa.pdf", Sha256 = hash.ToUpperInvariant() },
            SignerName = "Pat Example", SignerTitle = "Sheriff", SignedOn = DaysAgo(3),
        };

        var application = (await _system.Agreements().SubmitApplicationAsync(request)).Agreement;

        application.AgencySignedMoa.Uri.ShouldBe("https://docs.example.gov/moa.pdf");
        application.AgencySignedMoa.Sha256.ShouldBe(hash);
    }

    [Fact]
    public async Task A_second_open_application_for_the_same_agency_and_model_is_refused_naming_the_first()
    {
        var first = await _system.PendingAsync(Model.Wso);

        var refusal = await Should.ThrowAsync<RpcException>(() =>
            _system.Agreements().SubmitApplicationAsync(Application(first.Agency.AgencyId, Model.Wso)).ResponseAsync);

        refusal.StatusCode.ShouldBe(StatusCode.AlreadyExists);
        refusal.Resource()!.ResourceName.ShouldBe(first.AgreementId);
        var otherModel = (await _system.Agreements().SubmitApplicationAsync(Application(first.Agency.AgencyId, Model.Jem))).Agreement;
        otherModel.Status.ShouldBe(AgreementStatus.Pending);
    }

    [Fact]
    public async Task An_agency_holding_an_active_agreement_cannot_apply_again_for_that_model_but_may_after_it_ends()
    {
        var active = await _system.ActiveAsync(Model.Jem);

        var refusal = await Should.ThrowAsync<RpcException>(() =>
            _system.Agreements().SubmitApplicationAsync(Application(active.Agency.AgencyId, Model.Jem)).ResponseAsync);
        refusal.StatusCode.ShouldBe(StatusCode.AlreadyExists);
        refusal.Status.Detail.ShouldContain("active");

        var declined = await _system.PendingAsync(Model.Tfm);
        await _system.Agreements().DeclineApplicationAsync(new() { AgreementId = declined.AgreementId, Reason = "no jail" });
        var again = (await _system.Agreements().SubmitApplicationAsync(Application(declined.Agency.AgencyId, Model.Tfm))).Agreement;
        again.AgreementId.ShouldNotBe(declined.AgreementId);
    }

    [Fact]
    public async Task Concurrent_applications_for_one_agency_and_model_leave_exactly_one()
    {
        var agency = await _system.RegisterAgencyAsync();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                await _system.Agreements().SubmitApplicationAsync(Application(agency.AgencyId));
                return StatusCode.OK;
            }
            catch (RpcException exception)
            {
                return exception.StatusCode;
            }
        }));

        attempts.Count(code => code == StatusCode.OK).ShouldBe(1);
        attempts.Count(code => code == StatusCode.AlreadyExists).ShouldBe(7);
    }

    [Fact]
    public async Task The_agreement_service_asks_the_agency_service_and_refuses_an_unknown_agency()
    {
        var refusal = await Should.ThrowAsync<RpcException>(() =>
            _system.Agreements().SubmitApplicationAsync(Application(Guid.NewGuid().ToString())).ResponseAsync);

        refusal.StatusCode.ShouldBe(StatusCode.NotFound);
        refusal.Resource()!.ResourceType.ShouldBe("agency");
    }

    [Fact]
    public async Task An_agency_user_applies_and_reads_for_its_own_agency_only()
    {
        var mine = await _system.RegisterAgencyAsync();
        var theirs = await _system.PendingAsync();
        var client = _system.Agreements(_system.Tokens.AgencyUser(mine.AgencyId));

        var own = (await client.SubmitApplicationAsync(Application(mine.AgencyId))).Agreement;
        (await client.GetAgreementAsync(new() { AgreementId = own.AgreementId })).Agreement.AgreementId.ShouldBe(own.AgreementId);

        (await Should.ThrowAsync<RpcException>(() => client.SubmitApplicationAsync(Application(theirs.Agency.AgencyId)).ResponseAsync))
            .StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await Should.ThrowAsync<RpcException>(() => client.GetAgreementAsync(new() { AgreementId = theirs.AgreementId }).ResponseAsync))
            .StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await Should.ThrowAsync<RpcException>(() => client.GetAgreementHistoryAsync(new() { AgreementId = theirs.AgreementId }).ResponseAsync))
            .StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await Should.ThrowAsync<RpcException>(() => client.ListParticipatingAgreementsAsync(new()).ResponseAsync))
            .StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task A_call_without_a_token_is_refused()
    {
        var anonymous = new Program287g.Agreement.V1.AgreementService.AgreementServiceClient(_system.AgreementHost.Channel());

        (await Should.ThrowAsync<RpcException>(() => anonymous.GetStatisticsAsync(new()).ResponseAsync))
            .StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task An_agency_s_new_name_reaches_its_agreements_through_the_agency_updated_event()
    {
        var pending = await _system.PendingAsync();
        var agency = (await _system.Agencies().GetAgencyAsync(new GetAgencyRequest { AgencyId = pending.Agency.AgencyId })).Agency;
        var update = new UpdateAgencyRequest
        {
            AgencyId = agency.AgencyId, Version = agency.Version, Name = agency.Name + " (renamed)", State = agency.State,
            Type = agency.Type, Kind = agency.Kind, County = agency.County, AgencyHead = agency.AgencyHead,
            PointOfContact = new PointOfContact { Name = "New Contact", Email = "new.contact@example.gov" },
        };

        await _system.Agencies().UpdateAgencyAsync(update);

        await Eventually.ReturnsAsync(
            async () => (await _system.Agreements().GetAgreementAsync(new() { AgreementId = pending.AgreementId })).Agreement.Agency.Name,
            name => name == update.Name, TimeSpan.FromSeconds(30));
    }
}
