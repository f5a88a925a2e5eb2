using Program287g.Agreement.V1;
using Program287g.Console.SignIn;

namespace Program287g.Console.Components.Pages.Agreements.Actions;

/// <summary>The lifecycle actions a person can take on an application or agreement.</summary>
public enum AgreementAction
{
    Sign,
    Decline,
    Withdraw,
    Suspend,
    Reinstate,
    Terminate,
    RecordAddendum,
    Supersede,
}

/// <summary>Which actions to offer for a record: those the Agreement service allows from its status (its lifecycle
/// table, restated here) and the person's role allows (staff all; an agency user may withdraw its application and give
/// notice of termination). Offering is a courtesy only: the service decides, and its refusal is what the person sees.</summary>
public static class AgreementActions
{
    private static readonly Dictionary<AgreementAction, AgreementStatus[]> From = new Dictionary<AgreementAction, AgreementStatus[]>
    {
        [AgreementAction.Sign] = [AgreementStatus.Pending],
        [AgreementAction.Decline] = [AgreementStatus.Pending],
        [AgreementAction.Withdraw] = [AgreementStatus.Pending],
        [AgreementAction.Suspend] = [AgreementStatus.Active],
        [AgreementAction.Reinstate] = [AgreementStatus.Suspended],
        [AgreementAction.Terminate] = [AgreementStatus.Active, AgreementStatus.Suspended],
        [AgreementAction.RecordAddendum] = [AgreementStatus.Active],
        [AgreementAction.Supersede] = [AgreementStatus.Active, AgreementStatus.Suspended],
    };

    private static readonly AgreementAction[] AgencyActions = [AgreementAction.Withdraw, AgreementAction.Terminate];

    public static IEnumerable<AgreementAction> Offered(AgreementStatus status, PersonView person) =>
        Enum.GetValues<AgreementAction>().Where(action => From[action].Contains(status)
            && (person.IsStaff || (person.IsAgencyUser && AgencyActions.Contains(action))));

    public static string Name(AgreementAction action) => action switch
    {
        AgreementAction.Sign => "Sign for ICE",
        AgreementAction.Decline => "Decline",
        AgreementAction.Withdraw => "Withdraw",
        AgreementAction.Suspend => "Suspend",
        AgreementAction.Reinstate => "Reinstate",
        AgreementAction.Terminate => "Give notice of termination",
        AgreementAction.RecordAddendum => "Record an addendum",
        AgreementAction.Supersede => "Supersede with a re-signed MOA",
        _ => action.ToString(),
    };

    /// <summary>For data-testid attributes: "sign", "record-addendum".</summary>
    public static string Key(AgreementAction action) => action switch
    {
        AgreementAction.RecordAddendum => "record-addendum",
        _ => action.ToString().ToLowerInvariant(),
    };
}
