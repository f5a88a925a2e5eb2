using Grpc.Core;
using Program287g.Agreement.V1;
using Program287g.Testing;
using static Program287g.ServiceTests.Agreements.AgreementSystem;
using AgreementStatus = Program287g.Agreement.V1.AgreementStatus;

namespace Program287g.ServiceTests.Agreements;

/// <summary>ListAgreements: every status, newest submitted first, by agency, statuses, model, state and reference number.
/// Each test lists in a state no other test of the class uses, or for agencies of its own.</summary>
[Collection(ServersCollection.Name)]
public sealed class ListAgreementsTests(AgreementSystemFixture fixture) : IClassFixture<AgreementSystemFixture>
{
    private readonly AgreementSystem _system = fixture.System;

    private AgreementService.AgreementServiceClient Staff => _system.Agreements();

    /// <summary>One agency's four: a withdrawn JEM application, a new JEM application, an active TFM agreement and a
    /// declined WSO application, in the order submitted.</summary>
    private async Task<(string AgencyId, Program287g.Agreement.V1.Agreement[] Submitted)> AgencyWithHistoryAsync(string state = "KS")
    {
        var agency = await _system.RegisterAgencyAsync(state);
        var withdrawn = (await Staff.SubmitApplicationAsync(Application(agency.AgencyId, Model.Jem))).Agreement;
        await Staff.WithdrawApplicationAsync(new() { AgreementId = withdrawn.AgreementId, Reason = "changed our mind" });
        var pending = (await Staff.SubmitApplicationAsync(Application(agency.AgencyId, Model.Jem))).Agreement;
        var active = (await Staff.SubmitApplicationAsync(Application(agency.AgencyId, Model.Tfm))).Agreement;
        await Staff.SignAgreementAsync(new()
        {
            AgreementId = active.AgreementId,
            IceSignature = new Signature { SignerName = "Ana Official", SignerTitle = "Field Office Director", SignedOn = DaysAgo(2) },
        });
        var declined = (await Staff.SubmitApplicationAsync(Application(agency.AgencyId, Model.Wso))).Agreement;
        await Staff.DeclineApplicationAsync(new() { AgreementId = declined.AgreementId, Reason = "incomplete MOA" });
        return (agency.AgencyId, [withdrawn, pending, active, declined]);
    }

    /// <summary>Every page of one listing, following the tokens to the end.</summary>
    private static async Task<List<Program287g.Agreement.V1.Agreement>> AllPagesAsync(AgreementService.AgreementServiceClient client,
        ListAgreementsRequest request)
    {
        var seen = new List<Program287g.Agreement.V1.Agreement>();
        do
        {
            var page = await client.ListAgreementsAsync(request);
            page.Agreements.Count.ShouldBeLessThanOrEqualTo(request.PageSize == 0 ? 50 : request.PageSize);
            seen.AddRange(page.Agreements);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return seen;
    }

    private static IEnumerable<string> Ids(IEnumerable<Program287g.Agreement.V1.Agreement> agreements) => agreements.Select(a => a.AgreementId);

    [Fact]
    public async Task An_agency_s_list_holds_its_applications_and_agreements_in_every_status_newest_submitted_first()
    {
        var (agencyId, submitted) = await AgencyWithHistoryAsync();
        var other = await _system.PendingAsync(state: "KS");

        var listed = (await Staff.ListAgreementsAsync(new() { AgencyId = agencyId })).Agreements;

        Ids(listed).ShouldBe(Ids(submitted).Reverse());
        listed.Select(a => a.Status).ShouldBe([AgreementStatus.Declined, AgreementStatus.Active, AgreementStatus.Pending,
            AgreementStatus.Withdrawn]);
        listed.ShouldAllBe(a => a.Agency.AgencyId == agencyId);
        Ids(listed).ShouldNotContain(other.AgreementId);
    }

    [Fact]
    public async Task Several_statuses_list_those_in_any_of_them()
    {
        var (agencyId, submitted) = await AgencyWithHistoryAsync();

        var listed = (await Staff.ListAgreementsAsync(new()
        {
            AgencyId = agencyId, Statuses = { AgreementStatus.Pending, AgreementStatus.Declined, AgreementStatus.Superseded },
        })).Agreements;
        var activeOnly = (await Staff.ListAgreementsAsync(new() { AgencyId = agencyId, Statuses = { AgreementStatus.Active } })).Agreements;

        Ids(listed).ShouldBe([submitted[3].AgreementId, submitted[1].AgreementId]);
        Ids(activeOnly).ShouldBe([submitted[2].AgreementId]);
    }

    [Fact]
    public async Task A_model_lists_that_model_s_only()
    {
        var (agencyId, submitted) = await AgencyWithHistoryAsync("MS");
        var elsewhere = await _system.ActiveAsync(Model.Jem, "MS");

        var jem = (await Staff.ListAgreementsAsync(new() { AgencyId = agencyId, Model = Model.Jem })).Agreements;
        var jemInState = await AllPagesAsync(Staff, new() { State = "MS", Model = Model.Jem });

        Ids(jem).ShouldBe([submitted[1].AgreementId, submitted[0].AgreementId]);
        Ids(jemInState).ShouldBe([elsewhere.AgreementId, submitted[1].AgreementId, submitted[0].AgreementId]);
        jemInState.ShouldAllBe(a => a.Model == Model.Jem);
    }

    [Fact]
    public async Task A_state_by_code_or_name_lists_that_state_s_agencies_only()
    {
        var rhodeIsland = new[] { await _system.PendingAsync(Model.Tfm, "RI"), await _system.ActiveAsync(Model.Wso, "RI") };
        var delaware = await _system.PendingAsync(Model.Tfm, "DE");

        var byName = await AllPagesAsync(Staff, new() { State = "Rhode Island" });
        var byCode = await AllPagesAsync(Staff, new() { State = "ri", Statuses = { AgreementStatus.Active } });

        Ids(byName).ShouldBe(Ids(rhodeIsland).Reverse());
        Ids(byName).ShouldNotContain(delaware.AgreementId);
        Ids(byCode).ShouldBe([rhodeIsland[1].AgreementId]);
    }

    [Fact]
    public async Task Paging_with_the_tokens_returns_every_agreement_once_newest_first()
    {
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await _system.PendingAsync(Model.Wso, "ND")).AgreementId);
        }
        var pages = new List<int>();
        var seen = new List<Program287g.Agreement.V1.Agreement>();
        var request = new ListAgreementsRequest { State = "ND", PageSize = 3 };
        do
        {
            var page = await Staff.ListAgreementsAsync(request);
            pages.Add(page.Agreements.Count);
            seen.AddRange(page.Agreements);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        pages.ShouldBe([3, 3, 1]);
        Ids(seen).ShouldBe(Enumerable.Reverse(created));
        seen.Select(a => a.SubmittedAt.ToDateTime()).ShouldBeInOrder(SortDirection.Descending);
        var token = (await Staff.ListAgreementsAsync(new() { State = "ND", PageSize = 3 })).NextPageToken;
        var misuse = await Should.ThrowAsync<RpcException>(() =>
            Staff.ListAgreementsAsync(new() { State = "ND", Model = Model.Jem, PageSize = 3, PageToken = token }).ResponseAsync);
        misuse.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        misuse.BadFields().ShouldBe(["page_token"]);
    }

    [Fact]
    public async Task A_reference_number_prefix_lists_the_agreements_whose_numbers_start_with_it_ignoring_case()
    {
        var pending = await _system.PendingAsync(Model.Jem, "WV");
        var yearPrefix = pending.ReferenceNumber[..10]; // "287G-2026-"

        var exact = (await Staff.ListAgreementsAsync(new() { ReferenceNumberPrefix = pending.ReferenceNumber.ToLowerInvariant() })).Agreements;
        var year = await AllPagesAsync(Staff, new() { State = "WV", ReferenceNumberPrefix = yearPrefix });

        Ids(exact).ShouldBe([pending.AgreementId]);
        Ids(year).ShouldContain(pending.AgreementId);
        year.ShouldAllBe(a => a.ReferenceNumber.StartsWith(yearPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_agency_user_lists_its_own_agency_s_with_an_empty_agency_id_and_may_not_list_another_s()
    {
        var (mine, submitted) = await AgencyWithHistoryAsync("NE");
        var theirs = await _system.PendingAsync(Model.Jem, "NE");
        var user = _system.Agreements(_system.Tokens.AgencyUser(mine));

        var own = await AllPagesAsync(user, new() { State = "NE" });
        var ownByItsId = (await user.ListAgreementsAsync(new() { AgencyId = mine, Statuses = { AgreementStatus.Pending } })).Agreements;
        var refusal = await Should.ThrowAsync<RpcException>(() =>
            user.ListAgreementsAsync(new() { AgencyId = theirs.Agency.AgencyId }).ResponseAsync);

        Ids(own).ShouldBe(Ids(submitted).Reverse());
        own.ShouldAllBe(a => a.Agency.AgencyId == mine);
        Ids(ownByItsId).ShouldBe([submitted[1].AgreementId]);
        refusal.StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task A_bad_page_size_or_page_token_is_invalid_argument_naming_the_field()
    {
        foreach (var (request, field) in new (ListAgreementsRequest, string)[]
        {
            (new() { PageSize = 501 }, "page_size"),
            (new() { PageSize = -1 }, "page_size"),
            (new() { PageToken = "not a token!" }, "page_token"),
            (new() { PageToken = "aGVsbG8gd29ybGQ" }, "page_token"),
        })
        {
            var refusal = await Should.ThrowAsync<RpcException>(() => Staff.ListAgreementsAsync(request).ResponseAsync);

            refusal.StatusCode.ShouldBe(StatusCode.InvalidArgument, request.ToString());
            refusal.BadFields().ShouldBe([field], request.ToString());
        }
    }
}
