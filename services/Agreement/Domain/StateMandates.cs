using Program287g.Domain;

namespace Program287g.Agreement.Domain;

/// <summary>The offices a state's law names. A staff-loaded list of covered agencies gives each entry one of these.</summary>
public enum CoveredKind
{
    /// <summary>A county sheriff's office.</summary>
    Sheriff,
    /// <summary>An operator of a county jail or detention facility that is not the sheriff.</summary>
    Jail,
    /// <summary>A state's department or division of correction.</summary>
    StateCorrections,
}

/// <summary>What a state's law asks of a covered agency: one of <see cref="SatisfyingModels"/>, either requested (a
/// pending application) or signed. <see cref="RequestSatisfiesUntil"/> is the first day on which a request alone no
/// longer does: <see cref="DateOnly.MinValue"/> when only a signed agreement ever satisfies, null when a request always
/// does (a law that asks the agency to seek or apply).</summary>
public sealed record StateMandate(string State, string Law, string Requirement, DateOnly InForceFrom, DateOnly? ComplyBy,
    IReadOnlyList<ProgramModel> SatisfyingModels, IReadOnlyList<CoveredKind> Covers, DateOnly? RequestSatisfiesUntil)
{
    public bool RequestSatisfiesOn(DateOnly day) => RequestSatisfiesUntil is not { } until || day < until;

    /// <summary>Whether a registered agency of this kind and ICE type (the Agency service's enum names, e.g.
    /// "SheriffsOffice", "County") is one the law names. Used only where staff have loaded no list for the state.</summary>
    public bool CoversRegistered(string kind, string type) => Covers.Any(covered => covered switch
    {
        CoveredKind.Sheriff => kind == "SheriffsOffice",
        CoveredKind.Jail => kind is "Jail" or "DepartmentOfCorrections" && type == "County",
        CoveredKind.StateCorrections => kind == "DepartmentOfCorrections" && type == "StateAgency",
        _ => false,
    });
}

/// <summary>The state laws that push law enforcement agencies into the program, each by its own terms. The wording
/// relied on is quoted in each entry's comment; where it was not found, the comment says so.</summary>
public static class StateMandates
{
    private static readonly ProgramModel[] AnyModel = [.. ProgramModels.All];

    public static IReadOnlyList<StateMandate> All { get; } =
    [
        // Fla. Stat. 908.11(1) (ch. 2022-193, amended by ch. 2025-1): "The sheriff or the chief correctional officer
        // operating a county detention facility must enter into a written agreement with [ICE] to participate in the
        // immigration program established under s. 287(g) ... This subsection does not require ... a particular
        // program model." Entering into the agreement is the duty, so only a signed one satisfies. In force 1 Jul 2022;
        // the 2022 text set 1 Jan 2023 as the date to comply by (kept from the earlier model, not re-checked).
        new("FL", "Fla. Stat. 908.11(1)",
            "Every sheriff and every chief correctional officer operating a county detention facility must enter into a written 287(g) agreement (any model).",
            new DateOnly(2022, 7, 1), new DateOnly(2023, 1, 1), AnyModel, [CoveredKind.Sheriff, CoveredKind.Jail],
            RequestSatisfiesUntil: DateOnly.MinValue),
        // Georgia HB 1105 (2024), amending O.C.G.A. 42-4-14: sheriffs and jailers must "seek" a 287(g) agreement, so a
        // pending application satisfies it. The enrolled text was not found to quote; the duty-holders (sheriffs and
        // jailers) and the verb come from the reading of the Act. Effective on signature, 15 May 2024.
        new("GA", "O.C.G.A. 42-4-14 (HB 1105, 2024)",
            "Every sheriff and jailer must seek a 287(g) agreement (any model): a pending application satisfies it.",
            new DateOnly(2024, 5, 15), null, AnyModel, [CoveredKind.Sheriff, CoveredKind.Jail], RequestSatisfiesUntil: null),
        // Tex. Gov't Code 753.051(a) (SB 8, 89th Leg., 2025): "The sheriff of each county that operates a jail or
        // contracts with a private vendor to operate a jail shall request and enter into an immigration law
        // enforcement agreement" (753.001(2): any 287(g) agreement). In force 1 Jan 2026; sheriffs must comply by
        // 1 Dec 2026, so until then a request satisfies and from then only a signed agreement. (753.051 also has a
        // sheriff whose request is not taken up request again each year; that is not modelled: a pending request
        // after 1 Dec 2026 is reported as a gap, with its reason, PENDING_ONLY.)
        new("TX", "Tex. Gov't Code 753.051 (SB 8, 2025)",
            "The sheriff of each county that operates a jail (or contracts one out) must request and enter into a 287(g) agreement (any model): a request satisfies until 1 Dec 2026, a signed agreement from then on.",
            new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 1), AnyModel, [CoveredKind.Sheriff],
            RequestSatisfiesUntil: new DateOnly(2026, 12, 1)),
        // Arkansas Act 654 of 2025 (SB 426, "Defense Against Criminal Illegals Act"), "to ensure that sheriff's
        // offices and the Division of Correction can participate in the Warrant Service Officer program": they must
        // apply for WSO or may instead choose JEM. Applying is the duty, so a pending WSO or JEM application
        // satisfies; TFM does not. In force 5 Aug 2025 (91 days after the session ended; no emergency clause found).
        new("AR", "Arkansas Act 654 (2025)",
            "Every sheriff's office and the Division of Correction must apply for a Warrant Service Officer (or instead a Jail Enforcement Model) agreement: a pending WSO or JEM application satisfies it.",
            new DateOnly(2025, 8, 5), null, [ProgramModel.WarrantServiceOfficer, ProgramModel.JailEnforcement],
            [CoveredKind.Sheriff, CoveredKind.StateCorrections], RequestSatisfiesUntil: null),
    ];

    public static IEnumerable<StateMandate> InForce(DateOnly on, string? state) =>
        All.Where(m => m.InForceFrom <= on && (state is null || m.State == state));

    public static StateMandate? Of(string state) => All.SingleOrDefault(m => m.State == state);
}
