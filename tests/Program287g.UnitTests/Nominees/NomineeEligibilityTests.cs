extern alias NomineeService;

using Program287g.Domain;
using Eligibility = NomineeService::Program287g.Nominee.Domain.Eligibility;
using IneligibilityReason = NomineeService::Program287g.Nominee.Domain.IneligibilityReason;
using NominationFacts = NomineeService::Program287g.Nominee.Domain.NominationFacts;

namespace Program287g.UnitTests.Nominees;

public class NomineeEligibilityTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string, ProgramModel, bool, bool, string, string, IneligibilityReason[]> Cases => new()
    {
        // model, citizen, attests, first sworn, nominated, expected reasons
        { "eligible JEM, sworn yesterday", ProgramModel.JailEnforcement, true, true, "2026-11-27", "2026-11-28", [] },
        { "eligible WSO", ProgramModel.WarrantServiceOfficer, true, true, "2026-01-01", "2026-11-28", [] },
        { "not a citizen", ProgramModel.JailEnforcement, false, true, "2010-01-01", "2026-11-28", [IneligibilityReason.NotAUsCitizen] },
        { "no attestation", ProgramModel.WarrantServiceOfficer, true, false, "2010-01-01", "2026-11-28", [IneligibilityReason.NoJurisdictionAttestation] },
        { "TFM, the day before two years", ProgramModel.TaskForce, true, true, "2024-11-28", "2026-11-27", [IneligibilityReason.LessThanTwoYearsSworn] },
        { "TFM, the day two years are full", ProgramModel.TaskForce, true, true, "2024-11-28", "2026-11-28", [] },
        { "TFM, sworn 29 Feb 2024, on 28 Feb 2026", ProgramModel.TaskForce, true, true, "2024-02-29", "2026-02-28", [IneligibilityReason.LessThanTwoYearsSworn] },
        { "TFM, sworn 29 Feb 2024, on 1 Mar 2026", ProgramModel.TaskForce, true, true, "2024-02-29", "2026-03-01", [] },
        { "TFM, sworn 28 Feb 2022, on 28 Feb 2024 (leap year)", ProgramModel.TaskForce, true, true, "2022-02-28", "2024-02-28", [] },
        { "TFM, sworn 1 Mar 2022, on 29 Feb 2024", ProgramModel.TaskForce, true, true, "2022-03-01", "2024-02-29", [IneligibilityReason.LessThanTwoYearsSworn] },
        { "TFM, sworn 29 Feb 2020, on 29 Feb 2024 (four years)", ProgramModel.TaskForce, true, true, "2020-02-29", "2024-02-29", [] },
        { "JEM needs no two years", ProgramModel.JailEnforcement, true, true, "2026-06-01", "2026-11-28", [] },
        { "every reason at once", ProgramModel.TaskForce, false, false, "2026-01-01", "2026-11-28",
            [IneligibilityReason.NotAUsCitizen, IneligibilityReason.NoJurisdictionAttestation, IneligibilityReason.LessThanTwoYearsSworn] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Eligibility_gives_every_reason_that_applies(string because, ProgramModel model, bool citizen, bool attests,
        string firstSworn, string nominated, IneligibilityReason[] expected) =>
        Eligibility.Decide(new NominationFacts(model, citizen, attests, D(firstSworn), D(nominated)))
            .ShouldBe(expected, because);
}
