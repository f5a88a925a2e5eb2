using Program287g.IceLists;

namespace Program287g.Agreement.IcePublications;

/// <summary>What one row of an ICE list came to.</summary>
public enum RowOutcome
{
    AgreementCreated,
    ApplicationCreated,
    ApplicationSigned,
    Superseded,
    LinksUpdated,
    RenewalCreated,
    RenewalSigned,
    RenewalRecognised,
    Unchanged,
}

/// <summary>The outcome of importing one file: counts, and every row that could not be taken with why.</summary>
public sealed record ImportResult(IceListKind Kind, DateTimeOffset AsOf, int RowsRead, int AgenciesRegistered, int AgenciesMatched,
    IReadOnlyDictionary<RowOutcome, int> Outcomes, IReadOnlyList<IceRowProblem> Problems)
{
    public int Count(RowOutcome outcome) => Outcomes.TryGetValue(outcome, out var count) ? count : 0;
}
