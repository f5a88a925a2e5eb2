using Google.Protobuf.WellKnownTypes;
using Program287g.Agreement.V1;
using Program287g.Domain;
using Program287g.IceLists;
using IceListKind = Program287g.IceLists.IceListKind;
using ProtoListKind = Program287g.Agreement.V1.IceListKind;

namespace Program287g.ServiceTests.Agreements;

/// <summary>Renewals across ICE's lists of several days, with lists written in ICE's format for one agency each: a
/// renewal listed pending beside its agreement is signed by a later participating list, and an application a pending
/// list showed on an earlier day is still the agreement a later participating list shows.</summary>
[Collection(ServersCollection.Name)]
public sealed class IceRenewalImportTests(AgreementSystemFixture fixture) : IClassFixture<AgreementSystemFixture>
{
    private readonly AgreementSystem _system = fixture.System;

    private AgreementService.AgreementServiceClient Staff => _system.Agreements();

    private static DateTimeOffset At(int month, int day) => new(2025, month, day, 15, 0, 0, TimeSpan.FromHours(-4));

    private static byte[] List(IceListKind kind, string agency, DateOnly? signed = null)
    {
        using var output = new MemoryStream();
        IceListWriter.Write(output, kind, [new IceListEntry
        {
            State = "ID", AgencyName = agency, Type = IceAgencyType.County, County = "Ada County",
            Model = ProgramModel.JailEnforcement, Signed = signed,
        }]);
        return output.ToArray();
    }

    private async Task<ImportOutcome> ImportAsync(IceListKind kind, string agency, DateTimeOffset asOf, DateOnly? signed = null) =>
        (await Staff.ImportAsync(List(kind, agency, signed),
            kind == IceListKind.Participating ? ProtoListKind.Participating : ProtoListKind.Pending, asOf)).Outcome;

    /// <summary>The agency's JEM agreements in force and applications pending at asOf.</summary>
    private async Task<(List<Program287g.Agreement.V1.Agreement> InForce, List<Program287g.Agreement.V1.Agreement> Pending)> ListedAsync(
        string agency, DateTimeOffset asOf)
    {
        var at = Timestamp.FromDateTimeOffset(asOf);
        var inForce = await Staff.ListParticipatingAgreementsAsync(new() { State = "ID", Model = Model.Jem, AsOf = at, PageSize = 500 });
        var pending = await Staff.ListPendingApplicationsAsync(new() { State = "ID", Model = Model.Jem, AsOf = at, PageSize = 500 });
        return ([.. inForce.Agreements.Where(a => a.Agency.Name == agency)], [.. pending.Applications.Where(a => a.Agency.Name == agency)]);
    }

    private static string NewAgency() => $"Renewal {Guid.NewGuid():N} County Sheriff's Office";

    [Fact]
    public async Task A_renewal_beside_its_agreement_on_one_day_is_signed_by_a_later_list_that_shows_a_later_signature()
    {
        var agency = NewAgency();
        (await ImportAsync(IceListKind.Participating, agency, At(5, 1), new DateOnly(2024, 6, 3))).AgreementsCreated.ShouldBe(1);
        (await ImportAsync(IceListKind.Pending, agency, At(5, 1))).RenewalsCreated.ShouldBe(1);
        var (mayInForce, mayPending) = await ListedAsync(agency, At(5, 1));
        mayPending.ShouldHaveSingleItem().Renews.ShouldBe(mayInForce.ShouldHaveSingleItem().AgreementId);

        var june = await ImportAsync(IceListKind.Participating, agency, At(6, 2), new DateOnly(2025, 5, 20));
        var again = await ImportAsync(IceListKind.Participating, agency, At(6, 2), new DateOnly(2025, 5, 20));

        (june.RenewalsSigned, june.Problems.Count, again.Unchanged).ShouldBe((1, 0, 1));
        var (juneInForce, junePending) = await ListedAsync(agency, At(6, 2));
        junePending.ShouldBeEmpty();
        var signed = juneInForce.ShouldHaveSingleItem();
        (signed.AgreementId, signed.Supersedes).ShouldBe((mayPending[0].AgreementId, mayInForce[0].AgreementId));
        (await Staff.GetAgreementAsync(new() { AgreementId = mayInForce[0].AgreementId })).Agreement.Status.ShouldBe(AgreementStatus.Superseded);
        // Before the renewal's signature the old agreement was the one in force.
        (await ListedAsync(agency, At(5, 19))).InForce.ShouldHaveSingleItem().AgreementId.ShouldBe(mayInForce[0].AgreementId);
    }

    [Fact]
    public async Task An_application_listed_pending_first_becomes_the_renewal_of_the_agreement_the_same_day_s_participating_list_shows()
    {
        var agency = NewAgency();
        (await ImportAsync(IceListKind.Pending, agency, At(5, 1))).ApplicationsCreated.ShouldBe(1);

        var participating = await ImportAsync(IceListKind.Participating, agency, At(5, 1), new DateOnly(2024, 6, 3));

        (participating.RenewalsRecognised, participating.AgreementsCreated, participating.ApplicationsSigned).ShouldBe((1, 0, 0));
        var (inForce, pending) = await ListedAsync(agency, At(5, 1));
        pending.ShouldHaveSingleItem().Renews.ShouldBe(inForce.ShouldHaveSingleItem().AgreementId);
        // Still pending on a later day's lists, beside the same agreement: nothing changes.
        (await ImportAsync(IceListKind.Pending, agency, At(6, 2))).Unchanged.ShouldBe(1);
        (await ImportAsync(IceListKind.Participating, agency, At(6, 2), new DateOnly(2024, 6, 3))).Unchanged.ShouldBe(1);
        var (juneInForce, junePending) = await ListedAsync(agency, At(6, 2));
        (juneInForce.Single().AgreementId, junePending.Single().AgreementId).ShouldBe((inForce[0].AgreementId, pending[0].AgreementId));
    }

    [Fact]
    public async Task An_application_an_earlier_day_s_pending_list_showed_is_signed_by_a_later_list_even_with_an_earlier_date()
    {
        // ICE's lists lag: Oklahoma's Department of Corrections was pending on 27 March and signed on 25 February.
        var agency = NewAgency();
        await ImportAsync(IceListKind.Pending, agency, At(3, 27));

        var july = await ImportAsync(IceListKind.Participating, agency, At(7, 18), new DateOnly(2025, 2, 25));

        (july.ApplicationsSigned, july.RenewalsRecognised).ShouldBe((1, 0));
        var (inForce, pending) = await ListedAsync(agency, At(7, 18));
        (inForce.Count, pending.Count, inForce[0].Renews).ShouldBe((1, 0, ""));
    }
}
