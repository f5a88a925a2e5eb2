using Program287g.Domain;

namespace Program287g.Nominee.Domain;

/// <summary>Why a nominee cannot go on. Every reason that applies is given, not just the first.</summary>
public enum IneligibilityReason
{
    NotAUsCitizen,
    NoJurisdictionAttestation,
    LessThanTwoYearsSworn,
}

/// <summary>What eligibility is decided from: the nomination as the agency head made it.</summary>
public sealed record NominationFacts(ProgramModel Model, bool IsUsCitizen, bool AttestsJurisdictionKnowledge,
    DateOnly FirstSworn, DateOnly NominatedOn);

/// <summary>The rules of docs/domain.md, "Nominees: the officers": a U.S. citizen; who knows and has enforced the
/// laws of the jurisdiction (the agency head attests it); and for the Task Force Model at least two full years of
/// sworn law-enforcement experience counted at the date of nomination.</summary>
public static class Eligibility
{
    public const int TaskForceYearsSworn = 2;

    /// <summary>The reason as events and the database name it.</summary>
    public static string Key(this IneligibilityReason reason) => reason switch
    {
        IneligibilityReason.NotAUsCitizen => "not-us-citizen",
        IneligibilityReason.NoJurisdictionAttestation => "no-jurisdiction-attestation",
        IneligibilityReason.LessThanTwoYearsSworn => "less-than-two-years-sworn",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    public static IneligibilityReason ParseReason(string key) =>
        Enum.GetValues<IneligibilityReason>().Single(reason => reason.Key() == key);

    public static IReadOnlyList<IneligibilityReason> Decide(NominationFacts facts)
    {
        var reasons = new List<IneligibilityReason>();
        if (!facts.IsUsCitizen)
        {
            reasons.Add(IneligibilityReason.NotAUsCitizen);
        }
        if (!facts.AttestsJurisdictionKnowledge)
        {
            reasons.Add(IneligibilityReason.NoJurisdictionAttestation);
        }
        if (facts.Model == ProgramModel.TaskForce && facts.NominatedOn < FullYearsCompleteOn(facts.FirstSworn, TaskForceYearsSworn))
        {
            reasons.Add(IneligibilityReason.LessThanTwoYearsSworn);
        }
        return reasons;
    }

    /// <summary>The first day on which <paramref name="years"/> full years since <paramref name="start"/> have passed:
    /// the anniversary itself. Someone sworn on 29 February has no anniversary in a common year; their years are full
    /// only once 28 February has ended, so the day is 1 March (.NET's AddYears would say 28 February, a day short).</summary>
    public static DateOnly FullYearsCompleteOn(DateOnly start, int years)
    {
        var target = start.Year + years;
        return start is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(target)
            ? new DateOnly(target, 3, 1)
            : new DateOnly(target, start.Month, start.Day);
    }
}
