namespace Program287g.Console.Components.Pages.Agreements;

/// <summary>A transition's action in the words of a history: the Agreement service records lifecycle actions by their
/// verb ("sign", "suspend"), and others as what happened ("submitted", "imported", "correspondence").</summary>
public static class HistoryActions
{
    public static string Describe(string action) => action switch
    {
        "sign" => "signed",
        "withdraw" => "withdrawn",
        "decline" => "declined",
        "suspend" => "suspended",
        "reinstate" => "reinstated",
        "terminate" => "terminated",
        "supersede" => "superseded",
        "addendum" => "addendum recorded",
        "correspondence" => "correspondence received",
        _ => action,
    };
}
