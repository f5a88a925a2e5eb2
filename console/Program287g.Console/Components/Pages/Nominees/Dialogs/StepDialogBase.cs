using Microsoft.AspNetCore.Components;
using Program287g.Console.Components.Shared;
using Program287g.Nominee.V1;
using NomineeRecord = Program287g.Nominee.V1.Nominee;

namespace Program287g.Console.Components.Pages.Nominees.Dialogs;

/// <summary>A step's dialog: the nominee it acts on and the Nominee service; it closes with the nominee as they are
/// after the step.</summary>
public abstract class StepDialogBase : ServiceDialogBase
{
    [Parameter, EditorRequired]
    public NomineeRecord Nominee { get; set; } = default!;

    /// <summary>The step's key (NomineeSteps), for a dialog that serves several.</summary>
    [Parameter]
    public string StepKey { get; set; } = "";

    [Inject]
    protected NomineeService.NomineeServiceClient Nominees { get; set; } = default!;

    protected string OfficerName => $"{Nominee.Officer?.GivenName} {Nominee.Officer?.FamilyName}".Trim();

    protected Task SubmitAsync(Func<Task<NomineeRecord>> step) => CallAsync(step);
}
