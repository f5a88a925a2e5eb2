namespace Program287g.Nominee.Domain;

/// <summary>The numbers quoted in correspondence, each from a sequence that never repeats whatever the year.</summary>
public static class ReferenceNumbers
{
    /// <summary>A nomination: "287G-N-2026-000042".</summary>
    public static string Nomination(DateOnly nominatedOn, long number) => $"287G-N-{nominatedOn.Year}-{number:D6}";

    /// <summary>A Form 70-006 "Designated Immigration Officer" authorization: "DIO-2026-000123".</summary>
    public static string Authorization(DateOnly issuedOn, long number) => $"DIO-{issuedOn.Year}-{number:D6}";
}
