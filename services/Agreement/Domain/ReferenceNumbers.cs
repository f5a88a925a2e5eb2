namespace Program287g.Agreement.Domain;

/// <summary>The reference quoted in correspondence: "287G-" + the year of submission + a number from a sequence,
/// unique for ever (the sequence never repeats, whatever the year).</summary>
public static class ReferenceNumbers
{
    public static string Format(DateTime submittedAt, long number) => $"287G-{submittedAt.Year}-{number:D6}";
}
