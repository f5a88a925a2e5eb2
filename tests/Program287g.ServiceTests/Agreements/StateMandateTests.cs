using Grpc.Core;
using Microsoft.Extensions.Time.Testing;
using Program287g.Agency.V1;
using Program287g.Agreement.V1;
using Program287g.Testing;
using static Program287g.ServiceTests.Agreements.AgreementSystem;
using ProtoDate = Google.Type.Date;

namespace Program287g.ServiceTests.Agreements;

/// <summary>The Agency and Agreement services with the Agreement service's clock stopped at 20 Nov 2026, eleven days
/// before Texas's compliance date, so that applications can be pending before it and the gaps asked about on either side.</summary>
public sealed class MandateSystemFixture(TestInfrastructure servers) : IAsyncLifetime
{
    /// <summary>Noon Eastern, in UTC as the system clock gives it (Npgsql writes only UTC offsets).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 17, 0, 0, TimeSpan.Zero);

    public AgreementSystem System { get; private set; } = null!;

    public async Task InitializeAsync() => System = await AgreementSystem.StartAsync(servers,
        configureServices: services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));

    public async Task DisposeAsync() => await System.DisposeAsync();
}

/// <summary>Each state's law by its own terms, through gRPC. The tests of this class run one after another and each
/// loads (or removes) the list of the state it checks first, so no test depends on another's list.</summary>
[Collection(ServersCollection.Name)]
public sealed class StateMandateTests(MandateSystemFixture fixture) : IClassFixture<MandateSystemFixture>
{
    private readonly AgreementSystem _system = fixture.System;
    private static readonly ProtoDate Today = Date(2026, 11, 20);

    private Program287g.Agreement.V1.AgreementService.AgreementServiceClient Staff => _system.Agreements();

    private Task<Program287g.Agency.V1.Agency> SheriffAsync(string state) => _system.RegisterAgencyAsync(state);

    private async Task<Program287g.Agreement.V1.Agreement> RequestAsync(Program287g.Agency.V1.Agency agency, Model model) =>
        (await Staff.SubmitApplicationAsync(new SubmitApplicationRequest
        {
            AgencyId = agency.AgencyId, Model = model,
            LetterOfInterest = Document("%PDF letter of interest", Date(2026, 11, 10)), Moa = Document($"%PDF MOA {model}", Date(2026, 11, 10)),
        })).Agreement;

    private async Task<Program287g.Agreement.V1.Agreement> SignedAsync(Program287g.Agency.V1.Agency agency, Model model)
    {
        var request = await RequestAsync(agency, model);
        return (await Staff.SignAgreementAsync(new SignAgreementRequest
        {
            AgreementId = request.AgreementId,
            IceSignature = new Signature { SignerName = "Ana Official", SignerTitle = "Field Office Director", SignedOn = Today },
        })).Agreement;
    }

    private static CoveredAgency Covered(string name, CoveredAgencyKind kind = CoveredAgencyKind.Sheriff) =>
        new() { Name = name, County = "Test", Kind = kind };

    private static string Unregistered() => $"Nowhere County {Guid.NewGuid():N} Sheriff's Office";

    private async Task<ReplaceCoveredAgenciesResponse> LoadAsync(string state, params CoveredAgency[] agencies)
    {
        var request = new ReplaceCoveredAgenciesRequest { State = state };
        request.Agencies.AddRange(agencies);
        return await Staff.ReplaceCoveredAgenciesAsync(request);
    }

    private async Task<ListStateMandateGapsResponse> GapsAsync(string state, ProtoDate asOf) =>
        await Staff.ListStateMandateGapsAsync(new() { State = state, AsOf = asOf });

    private static MandateGap? GapOf(ListStateMandateGapsResponse response, Program287g.Agency.V1.Agency agency) =>
        response.Gaps.SingleOrDefault(g => g.Agency?.AgencyId == agency.AgencyId);

    [Fact]
    public async Task Florida_wants_a_signed_agreement_of_every_listed_sheriff_and_jail_registered_or_not()
    {
        var signed = await SheriffAsync("FL");
        await SignedAsync(signed, Model.Wso);
        var pending = await SheriffAsync("FL");
        var request = await RequestAsync(pending, Model.Jem);
        var jail = await _system.RegisterAgencyAsync("FL", AgencyKind.Jail, AgencyType.County, $"Test County {Guid.NewGuid():N} Detention Center");
        var notListed = await SheriffAsync("FL");
        var unregistered = Unregistered();
        // The list spells one name as a state's roster might: other case, no apostrophe, doubled spaces.
        var respelled = pending.Name.ToUpperInvariant().Replace("'", "").Replace(" ", "  ");
        await LoadAsync("Florida", Covered(signed.Name), Covered(respelled), Covered(jail.Name, CoveredAgencyKind.Jail), Covered(unregistered));

        var response = await GapsAsync("FL", Today);

        var mandate = response.Mandates.ShouldHaveSingleItem();
        mandate.Law.ShouldBe("Fla. Stat. 908.11(1)");
        mandate.RequestSatisfies.ShouldBeFalse();
        mandate.Coverage.ShouldBe(MandateCoverage.LoadedList);
        mandate.CoveredAgencies.ShouldBe(4);
        GapOf(response, signed).ShouldBeNull();
        GapOf(response, notListed).ShouldBeNull();
        var pendingGap = GapOf(response, pending).ShouldNotBeNull();
        pendingGap.Reason.ShouldBe(MandateGapReason.PendingOnly);
        pendingGap.PendingAgreementIds.ShouldBe([request.AgreementId]);
        pendingGap.Mandate.Law.ShouldBe("Fla. Stat. 908.11(1)");
        GapOf(response, jail).ShouldNotBeNull().Reason.ShouldBe(MandateGapReason.NoApplication);
        var missing = response.Gaps.Where(g => g.Covered?.Name == unregistered).ShouldHaveSingleItem();
        missing.Reason.ShouldBe(MandateGapReason.NoAgencyRegistered);
        missing.Agency.ShouldBeNull();
        response.Gaps.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Georgia_s_seek_law_is_met_by_a_pending_application()
    {
        var seeking = await SheriffAsync("GA");
        await RequestAsync(seeking, Model.Tfm);
        var idle = await SheriffAsync("GA");
        await LoadAsync("GA", Covered(seeking.Name), Covered(idle.Name));

        var response = await GapsAsync("GA", Today);

        var mandate = response.Mandates.ShouldHaveSingleItem();
        mandate.Law.ShouldContain("42-4-14");
        mandate.RequestSatisfies.ShouldBeTrue();
        GapOf(response, seeking).ShouldBeNull();
        GapOf(response, idle).ShouldNotBeNull().Reason.ShouldBe(MandateGapReason.NoApplication);
        response.Gaps.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Texas_counts_a_pending_request_until_1_December_2026_and_only_a_signed_agreement_from_then()
    {
        var requested = await SheriffAsync("TX");
        var request = await RequestAsync(requested, Model.Jem);
        var signed = await SheriffAsync("TX");
        await SignedAsync(signed, Model.Jem);
        // A sheriff of a county that runs no jail: registered, not on the list, so not held to SB 8.
        var noJail = await SheriffAsync("TX");
        var unregistered = Unregistered();
        await LoadAsync("TX", Covered(requested.Name), Covered(signed.Name), Covered(unregistered));

        var before = await GapsAsync("TX", Date(2026, 11, 30));
        var after = await GapsAsync("TX", Date(2026, 12, 1));

        before.Mandates.ShouldHaveSingleItem().RequestSatisfies.ShouldBeTrue();
        before.Mandates[0].SignedRequiredFrom.ShouldBe(Date(2026, 12, 1));
        before.Mandates[0].Law.ShouldBe("Tex. Gov't Code 753.051 (SB 8, 2025)");
        before.Gaps.ShouldHaveSingleItem().Covered.Name.ShouldBe(unregistered);
        after.Mandates.ShouldHaveSingleItem().RequestSatisfies.ShouldBeFalse();
        var pendingGap = GapOf(after, requested).ShouldNotBeNull();
        pendingGap.Reason.ShouldBe(MandateGapReason.PendingOnly);
        pendingGap.PendingAgreementIds.ShouldBe([request.AgreementId]);
        GapOf(after, signed).ShouldBeNull();
        GapOf(after, noJail).ShouldBeNull();
        after.Gaps.Single(g => g.Agency is null).Reason.ShouldBe(MandateGapReason.NoAgencyRegistered);
        after.Gaps.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Arkansas_asks_for_WSO_or_JEM_and_a_TFM_agreement_is_the_wrong_model()
    {
        var taskForce = await SheriffAsync("AR");
        var tfm = await SignedAsync(taskForce, Model.Tfm);
        var warrants = await SheriffAsync("AR");
        await RequestAsync(warrants, Model.Wso);
        var corrections = await _system.RegisterAgencyAsync("AR", AgencyKind.DepartmentOfCorrections, AgencyType.StateAgency,
            $"Arkansas Division of Correction {Guid.NewGuid():N}");
        await RequestAsync(corrections, Model.Jem);
        await LoadAsync("AR", Covered(taskForce.Name), Covered(warrants.Name), Covered(corrections.Name, CoveredAgencyKind.StateCorrections));

        var response = await GapsAsync("AR", Today);

        var mandate = response.Mandates.ShouldHaveSingleItem();
        mandate.Law.ShouldBe("Arkansas Act 654 (2025)");
        mandate.Models.ShouldBe([Model.Wso, Model.Jem], ignoreOrder: true);
        var wrong = GapOf(response, taskForce).ShouldNotBeNull();
        wrong.Reason.ShouldBe(MandateGapReason.WrongModel);
        wrong.OtherModelAgreementIds.ShouldBe([tfm.AgreementId]);
        GapOf(response, warrants).ShouldBeNull();
        GapOf(response, corrections).ShouldBeNull();
        response.Gaps.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Without_a_loaded_list_the_registered_agencies_of_the_covered_kinds_are_checked_and_the_mandate_says_so()
    {
        await LoadAsync("AR"); // an empty list removes any list the state had
        var sheriff = await SheriffAsync("AR");
        var police = await _system.RegisterAgencyAsync("AR", AgencyKind.PoliceDepartment, AgencyType.Municipality,
            $"Test City {Guid.NewGuid():N} Police Department");

        var response = await GapsAsync("AR", Today);
        var list = await Staff.ListCoveredAgenciesAsync(new() { State = "AR" });

        list.Loaded.ShouldBeFalse();
        list.Agencies.ShouldBeEmpty();
        var mandate = response.Mandates.ShouldHaveSingleItem();
        mandate.Coverage.ShouldBe(MandateCoverage.RegisteredAgencies);
        mandate.CoverageNote.ShouldContain("No list of covered agencies is loaded for AR");
        GapOf(response, sheriff).ShouldNotBeNull().Reason.ShouldBe(MandateGapReason.NoApplication);
        GapOf(response, police).ShouldBeNull();
        response.Gaps.ShouldAllBe(g => g.Agency != null && g.Covered == null);
    }

    [Fact]
    public async Task Replacing_a_state_s_list_replaces_it_whole_and_matches_names_as_the_registry_keys_them()
    {
        var kept = await SheriffAsync("GA");
        var dropped = Unregistered();
        var added = Unregistered();
        await LoadAsync("GA", Covered(dropped), Covered(kept.Name));

        var replaced = await LoadAsync("Georgia", Covered(kept.Name.ToLowerInvariant()), Covered(added, CoveredAgencyKind.Jail));
        var list = await Staff.ListCoveredAgenciesAsync(new() { State = "georgia" });

        replaced.ShouldBe(new ReplaceCoveredAgenciesResponse { State = "GA", CoveredAgencies = 2, Registered = 1 });
        list.Loaded.ShouldBeTrue();
        list.LoadedAt.ToDateTimeOffset().ShouldBe(MandateSystemFixture.Now);
        list.Agencies.Select(a => a.Agency.Name).ShouldBe([kept.Name.ToLowerInvariant(), added], ignoreOrder: true);
        list.Agencies.Single(a => a.Agency.Name == added).ShouldBe(new ListedCoveredAgency
        {
            Agency = new CoveredAgency { Name = added, County = "Test", Kind = CoveredAgencyKind.Jail }, AgencyId = "",
        });
        list.Agencies.Single(a => a.Agency.Name != added).AgencyId.ShouldBe(kept.AgencyId);
    }

    [Fact]
    public async Task Only_program_staff_may_replace_a_state_s_list()
    {
        var agency = await SheriffAsync("TX");
        var request = new ReplaceCoveredAgenciesRequest { State = "TX", Agencies = { Covered(agency.Name) } };

        var agencyUser = await Should.ThrowAsync<RpcException>(() =>
            _system.Agreements(_system.Tokens.AgencyUser(agency.AgencyId)).ReplaceCoveredAgenciesAsync(request).ResponseAsync);
        var internalSystem = await Should.ThrowAsync<RpcException>(() =>
            _system.Agreements(_system.Tokens.Internal()).ReplaceCoveredAgenciesAsync(request).ResponseAsync);
        var read = await _system.Agreements(_system.Tokens.Internal()).ListCoveredAgenciesAsync(new() { State = "TX" });

        agencyUser.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        internalSystem.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        read.Agencies.ShouldNotContain(a => a.AgencyId == agency.AgencyId);
    }
}
