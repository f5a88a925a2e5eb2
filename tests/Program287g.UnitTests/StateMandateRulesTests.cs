extern alias AgreementService;

using GapReason = AgreementService::Program287g.Agreement.Domain.GapReason;
using MandateCompliance = AgreementService::Program287g.Agreement.Domain.MandateCompliance;
using OpenAgreement = AgreementService::Program287g.Agreement.Domain.OpenAgreement;
using StateMandates = AgreementService::Program287g.Agreement.Domain.StateMandates;

namespace Program287g.UnitTests;

public class StateMandateRulesTests
{
    private static readonly Guid Id = Guid.NewGuid();

    private static GapReason? ReasonFor(string state, DateOnly day, params (string Model, string Status)[] open) =>
        MandateCompliance.Check(StateMandates.Of(state)!, day, [.. open.Select(o => new OpenAgreement(o.Model, o.Status, Id))])?.Reason;

    [Theory]
    [InlineData("FL", "pending", GapReason.PendingOnly)] // "must enter into a written agreement"
    [InlineData("FL", "active", null)]
    [InlineData("GA", "pending", null)] // "seek"
    [InlineData("AR", "pending", null)] // "apply"
    public void Each_law_says_whether_a_pending_request_is_enough(string state, string status, GapReason? reason) =>
        ReasonFor(state, new DateOnly(2026, 6, 1), ("JEM", status)).ShouldBe(reason);

    [Theory]
    [InlineData(2026, 11, 30, null)]
    [InlineData(2026, 12, 1, GapReason.PendingOnly)]
    public void Texas_takes_a_request_until_its_compliance_date_and_a_signed_agreement_from_then(int year, int month, int day,
        GapReason? reason) =>
        ReasonFor("TX", new DateOnly(year, month, day), ("JEM", "pending")).ShouldBe(reason);

    [Fact]
    public void Arkansas_wants_WSO_or_JEM_so_TFM_alone_is_the_wrong_model()
    {
        ReasonFor("AR", new DateOnly(2026, 1, 5), ("TFM", "active")).ShouldBe(GapReason.WrongModel);
        ReasonFor("AR", new DateOnly(2026, 1, 5), ("TFM", "active"), ("WSO", "pending")).ShouldBeNull();
        ReasonFor("AR", new DateOnly(2026, 1, 5)).ShouldBe(GapReason.NoApplication);
    }
}
