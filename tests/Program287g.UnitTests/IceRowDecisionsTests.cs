extern alias AgreementService;

using IceRowDecisions = AgreementService::Program287g.Agreement.IcePublications.IceRowDecisions;
using ParticipatingStep = AgreementService::Program287g.Agreement.IcePublications.ParticipatingStep;
using PendingStep = AgreementService::Program287g.Agreement.IcePublications.PendingStep;

namespace Program287g.UnitTests;

/// <summary>What a row of ICE's lists means beside what the agency already holds for the model.</summary>
public class IceRowDecisionsTests
{
    /// <summary>ICE's lists of 18 July 2025: participating as of 1:43 p.m., pending as of 4:28 p.m. Eastern.</summary>
    private static readonly DateTimeOffset JulyParticipating = new(2025, 7, 18, 13, 43, 0, TimeSpan.FromHours(-4));
    private static readonly DateTimeOffset JulyPending = new(2025, 7, 18, 16, 28, 0, TimeSpan.FromHours(-4));
    private static readonly DateTimeOffset MarchPending = new(2025, 3, 27, 15, 0, 0, TimeSpan.FromHours(-4));
    private static readonly DateOnly July14 = new(2025, 7, 14);

    [Fact]
    public void A_signed_row_with_nothing_open_creates_the_agreement() =>
        IceRowDecisions.Participating(July14, JulyParticipating, null, false, null).ShouldBe(ParticipatingStep.CreateAgreement);

    [Fact]
    public void An_application_a_pending_list_of_the_same_day_still_shows_is_the_renewal_of_the_agreement_signed_beside_it() =>
        IceRowDecisions.Participating(July14, JulyParticipating, null, true, JulyPending)
            .ShouldBe(ParticipatingStep.CreateAgreementBesideRenewal);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_application_from_an_earlier_day_s_list_or_the_API_is_the_agreement_a_later_list_shows_signed(bool listed) =>
        // Even signed before that pending list: ICE's lists lag (Oklahoma's DOC, pending on 27 March, signed 25 February).
        IceRowDecisions.Participating(new DateOnly(2025, 2, 25), JulyParticipating, null, true, listed ? MarchPending : null)
            .ShouldBe(ParticipatingStep.SignApplication);

    [Fact]
    public void The_agreement_in_force_signed_on_the_row_s_date_is_the_row() =>
        IceRowDecisions.Participating(July14, JulyParticipating, July14, true, JulyPending).ShouldBe(ParticipatingStep.RefreshLinks);

    [Fact]
    public void An_agreement_in_force_signed_after_the_row_s_date_makes_the_row_a_problem() =>
        IceRowDecisions.Participating(July14, JulyParticipating, July14.AddDays(1), false, null)
            .ShouldBe(ParticipatingStep.LaterAgreementInForce);

    [Fact]
    public void A_later_signature_beside_a_renewal_pending_on_an_earlier_day_is_the_renewal_signed() =>
        IceRowDecisions.Participating(July14, JulyParticipating, new DateOnly(2024, 6, 3), true, MarchPending)
            .ShouldBe(ParticipatingStep.SignRenewal);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_later_signature_without_a_renewal_that_can_be_it_is_a_re_signing(bool renewalStillListed) =>
        IceRowDecisions.Participating(July14, JulyParticipating, new DateOnly(2024, 6, 3), renewalStillListed, renewalStillListed ? JulyPending : null)
            .ShouldBe(ParticipatingStep.Supersede);

    [Fact]
    public void The_same_day_is_the_program_s_day_in_Eastern_time_not_UTC()
    {
        // 9 p.m. Eastern on 17 July is 18 July in UTC: a pending list then is of the day before the participating list.
        var evening = new DateTimeOffset(2025, 7, 17, 21, 0, 0, TimeSpan.FromHours(-4));
        IceRowDecisions.Participating(July14, JulyParticipating, null, true, evening).ShouldBe(ParticipatingStep.SignApplication);
    }

    [Fact]
    public void A_pending_row_creates_an_application_or_beside_an_agreement_in_force_its_renewal()
    {
        IceRowDecisions.Pending(JulyPending, null, false).ShouldBe(PendingStep.CreateApplication);
        IceRowDecisions.Pending(JulyPending, July14, false).ShouldBe(PendingStep.CreateRenewal);
        IceRowDecisions.Pending(JulyPending, new DateOnly(2025, 7, 18), false).ShouldBe(PendingStep.CreateRenewal);
    }

    [Fact]
    public void A_pending_row_beside_an_open_application_or_before_the_agreement_in_force_was_signed_adds_nothing()
    {
        IceRowDecisions.Pending(JulyPending, null, true).ShouldBe(PendingStep.AlreadyPending);
        IceRowDecisions.Pending(JulyPending, July14, true).ShouldBe(PendingStep.AlreadyPending);
        IceRowDecisions.Pending(MarchPending, July14, false).ShouldBe(PendingStep.PredatesAgreement);
    }
}
