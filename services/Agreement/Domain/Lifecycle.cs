using System.Collections.Frozen;

namespace Program287g.Agreement.Domain;

/// <summary>What can be done to an application or agreement.</summary>
public enum LifecycleAction
{
    Submit,
    Withdraw,
    Decline,
    Sign,
    Suspend,
    Reinstate,
    Terminate,
    Supersede,
    RecordAddendum,
}

/// <summary>The lifecycle as a table: each action, the statuses it may start from, and where it leads. Everything
/// else is refused with FAILED_PRECONDITION naming the current status.</summary>
public static class Lifecycle
{
    private sealed record Rule(AgreementStatus[] From, AgreementStatus To);

    private static readonly FrozenDictionary<LifecycleAction, Rule> Rules = new Dictionary<LifecycleAction, Rule>
    {
        [LifecycleAction.Withdraw] = new([AgreementStatus.Pending], AgreementStatus.Withdrawn),
        [LifecycleAction.Decline] = new([AgreementStatus.Pending], AgreementStatus.Declined),
        [LifecycleAction.Sign] = new([AgreementStatus.Pending], AgreementStatus.Active),
        [LifecycleAction.Suspend] = new([AgreementStatus.Active], AgreementStatus.Suspended),
        [LifecycleAction.Reinstate] = new([AgreementStatus.Suspended], AgreementStatus.Active),
        // Either party may give notice while the agreement stands, suspended or not.
        [LifecycleAction.Terminate] = new([AgreementStatus.Active, AgreementStatus.Suspended], AgreementStatus.Terminated),
        [LifecycleAction.Supersede] = new([AgreementStatus.Active, AgreementStatus.Suspended], AgreementStatus.Superseded),
        // Addenda are signed by both parties to an agreement in force; the status does not change.
        [LifecycleAction.RecordAddendum] = new([AgreementStatus.Active], AgreementStatus.Active),
    }.ToFrozenDictionary();

    /// <summary>The status the action leads to, or null when it is not allowed from <paramref name="current"/>.</summary>
    public static AgreementStatus? Next(AgreementStatus current, LifecycleAction action) =>
        Rules.TryGetValue(action, out var rule) && rule.From.Contains(current) ? rule.To : null;

    public static IReadOnlyList<AgreementStatus> AllowedFrom(LifecycleAction action) =>
        Rules.TryGetValue(action, out var rule) ? rule.From : [];

    public static string Describe(LifecycleAction action) => action switch
    {
        LifecycleAction.RecordAddendum => "record an addendum on",
        LifecycleAction.Withdraw => "withdraw",
        LifecycleAction.Decline => "decline",
        _ => action.ToString().ToLowerInvariant(),
    };
}
