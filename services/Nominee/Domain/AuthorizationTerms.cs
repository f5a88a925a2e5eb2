using Program287g.Domain;

namespace Program287g.Nominee.Domain;

/// <summary>The "Authorization" configuration section: per model, how often refresher training falls due and how long
/// an authorization runs before it must be renewed. The defaults are the MOAs': the Jail Enforcement Model's refresher
/// no more often than every two years, a Task Force Model authorization runs two years at first, the Warrant Service
/// Officer's training requirements are reviewed yearly.</summary>
public sealed class AuthorizationTerms
{
    public const string SectionName = "Authorization";

    public Dictionary<string, ModelTerms> Models { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How often the sweep that ends and expires authorizations on their dates runs.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    public ModelTerms For(ProgramModel model) =>
        Models.TryGetValue(model.Code(), out var terms) ? terms
            : throw new InvalidOperationException($"Authorization:Models has no terms for {model.Code()}.");

    public IEnumerable<string> Problems()
    {
        foreach (var model in ProgramModels.All)
        {
            if (!Models.TryGetValue(model.Code(), out var terms))
            {
                yield return $"Authorization:Models has no terms for {model.Code()}.";
            }
            else if (terms.RefresherEveryMonths is < 1 or > 120 || terms.TermMonths is < 1 or > 120)
            {
                yield return $"Authorization:Models:{model.Code()} needs RefresherEveryMonths (and TermMonths, if set) of 1 to 120.";
            }
        }
        if (SweepInterval <= TimeSpan.Zero)
        {
            yield return "Authorization:SweepInterval must be positive.";
        }
    }
}

public sealed class ModelTerms
{
    public int RefresherEveryMonths { get; set; }

    /// <summary>Months an authorization runs from its issue (or its last renewal); null when it runs with the agreement.</summary>
    public int? TermMonths { get; set; }

    /// <summary>The refresher due date and the end of the term for an authorization issued, or renewed, on <paramref name="from"/>.</summary>
    public (DateOnly RefresherDueOn, DateOnly? ExpiresOn) From(DateOnly from) =>
        (from.AddMonths(RefresherEveryMonths), TermMonths is { } months ? from.AddMonths(months) : null);
}
