using Program287g.Domain;

namespace Program287g.Agreement.Domain;

/// <summary>A ledger series' count at a moment, for one model (or '*') and state.</summary>
public sealed record LedgerCount(string Series, string Model, string State, int Count);

public sealed record ModelFigures(ProgramModel Model, int Agreements, int Agencies, int States, int Pending, int Suspended);

/// <summary>One state's figures: agreements in force per model, agencies with at least one (across models) and pending
/// applications (every model).</summary>
public sealed record StateFigures(string State, IReadOnlyDictionary<ProgramModel, int> Agreements, int Agencies, int Pending);

/// <summary>The figures ICE prints, for one moment, and the same figures by state.</summary>
public sealed record ProgramStatistics(IReadOnlyList<ModelFigures> Models, int TotalAgreements, int TotalAgencies,
    int TotalStates, int TotalPending, IReadOnlyList<StateFigures> States)
{
    public const string AnyModel = "*";

    /// <summary>From the ledger's counts: agreements, pending and suspended per model are sums over states; agencies
    /// and states come from the participation series (an agency with agreements in two models counts once overall).</summary>
    public static ProgramStatistics From(IReadOnlyCollection<LedgerCount> counts)
    {
        int Sum(string series, string model) => counts.Where(c => c.Series == series && c.Model == model).Sum(c => c.Count);
        int States(string model) => counts.Count(c => c.Series == "agency" && c.Model == model && c.Count > 0);
        var models = ProgramModels.All.Select(model => new ModelFigures(model,
            Agreements: Sum("active", model.Code()),
            Agencies: Sum("agency", model.Code()),
            States: States(model.Code()),
            Pending: Sum("pending", model.Code()),
            Suspended: Sum("suspended", model.Code()))).ToList();
        return new ProgramStatistics(models, models.Sum(m => m.Agreements), Sum("agency", AnyModel), States(AnyModel),
            models.Sum(m => m.Pending), ByState(counts));
    }

    /// <summary>The same counts split by state instead of summed over them, so each model's agreements and pending
    /// applications are the sums of the states' and the agencies the sum of the states' participation across models.
    /// Only states with an agreement in force or an application pending appear, ordered by code.</summary>
    private static List<StateFigures> ByState(IReadOnlyCollection<LedgerCount> counts) =>
    [
        .. counts.GroupBy(c => c.State, StringComparer.Ordinal).Select(state =>
            {
                int Sum(string series, string model) => state.Where(c => c.Series == series && c.Model == model).Sum(c => c.Count);
                return new StateFigures(state.Key,
                    ProgramModels.All.ToDictionary(model => model, model => Sum("active", model.Code())),
                    Agencies: Sum("agency", AnyModel),
                    Pending: ProgramModels.All.Sum(model => Sum("pending", model.Code())));
            })
            .Where(s => s.Agreements.Values.Any(count => count > 0) || s.Pending > 0)
            .OrderBy(s => s.State, StringComparer.Ordinal),
    ];

    /// <summary>One line per model as ICE's page words it, then the pending applications.</summary>
    public IReadOnlyList<string> SummaryLines() =>
    [
        .. Models.Select(m => $"{m.Model.FullName()} ({m.Model.Code()}): {m.Agreements} {Plural(m.Agreements, "agreement")} with "
            + $"{m.Agencies} law enforcement {Plural(m.Agencies, "agency", "agencies")} in {m.States} {Plural(m.States, "state")}"),
        $"The following {TotalPending} {Plural(TotalPending, "application")} {(TotalPending == 1 ? "is" : "are")} pending",
    ];

    private static string Plural(int count, string one, string? many = null) => count == 1 ? one : many ?? one + "s";
}
