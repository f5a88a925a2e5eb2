using Program287g.Domain;

namespace Program287g.Agreement.Domain;

/// <summary>Which agencies a state's law requires to hold (or seek) an agreement.</summary>
public enum MandatedAgencies
{
    /// <summary>Sheriffs and county jail operators (Florida).</summary>
    SheriffsAndCountyJails,
    /// <summary>Every local (county and municipal) law enforcement agency (Georgia).</summary>
    LocalAgencies,
    /// <summary>Sheriffs (Texas: those who run a jail; Arkansas).</summary>
    Sheriffs,
    /// <summary>Sheriffs and the state's Division of Correction (Arkansas).</summary>
    SheriffsAndStateCorrections,
}

public sealed record StateMandate(string State, string Law, string Requirement, DateOnly InForceFrom, DateOnly? ComplyBy,
    IReadOnlyList<ProgramModel> SatisfyingModels, MandatedAgencies Covers);

/// <summary>State laws that push law enforcement agencies into the program (docs/domain.md, "State mandates"). The dates
/// are the laws' effective dates as published; where a law sets a separate compliance date it is kept.</summary>
public static class StateMandates
{
    private static readonly ProgramModel[] AnyModel = [.. ProgramModels.All];

    public static IReadOnlyList<StateMandate> All { get; } =
    [
        new("FL", "Fla. Stat. 908.11", "Every sheriff and every operator of a county jail must hold a 287(g) agreement.",
            new DateOnly(2022, 7, 1), new DateOnly(2023, 1, 1), AnyModel, MandatedAgencies.SheriffsAndCountyJails),
        new("GA", "Georgia HB 1105 (2024)", "Local law enforcement agencies must seek a 287(g) agreement.",
            new DateOnly(2024, 5, 1), null, AnyModel, MandatedAgencies.LocalAgencies),
        new("TX", "Texas SB 8 (2025)", "Sheriffs who run a jail must request and enter a 287(g) agreement.",
            new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 1), AnyModel, MandatedAgencies.Sheriffs),
        new("AR", "Arkansas Act 654 (2025)", "Sheriffs and the Division of Correction must apply for a WSO (or JEM) agreement.",
            new DateOnly(2025, 8, 5), null, [ProgramModel.WarrantServiceOfficer, ProgramModel.JailEnforcement],
            MandatedAgencies.SheriffsAndStateCorrections),
    ];

    public static IEnumerable<StateMandate> InForce(DateOnly on, string? state) =>
        All.Where(m => m.InForceFrom <= on && (state is null || m.State == state));

    /// <summary>Whether the mandate covers an agency of this kind and ICE type (the Agency service's enum names,
    /// e.g. "SheriffsOffice", "County").</summary>
    public static bool AppliesTo(this StateMandate mandate, string kind, string type) => mandate.Covers switch
    {
        MandatedAgencies.SheriffsAndCountyJails => kind == "SheriffsOffice" || (kind is "Jail" or "DepartmentOfCorrections" && type == "County"),
        MandatedAgencies.LocalAgencies => type is "County" or "Municipality",
        MandatedAgencies.Sheriffs => kind == "SheriffsOffice",
        MandatedAgencies.SheriffsAndStateCorrections => kind == "SheriffsOffice" || (kind == "DepartmentOfCorrections" && type == "StateAgency"),
        _ => false,
    };
}
