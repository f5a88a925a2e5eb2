using Microsoft.AspNetCore.Components;
using Program287g.Agreement.V1;
using Program287g.Console.Components.Shared;
using AgreementRecord = Program287g.Agreement.V1.Agreement;

namespace Program287g.Console.Components.Pages.Agreements.Actions;

/// <summary>A lifecycle dialog: the agreement it acts on and the Agreement service; on success it closes with a sentence
/// for the snackbar.</summary>
public abstract class ActionDialogBase : ServiceDialogBase
{
    [Inject]
    protected AgreementService.AgreementServiceClient Agreements { get; set; } = default!;

    [Parameter, EditorRequired]
    public AgreementRecord Agreement { get; set; } = default!;

    protected Task ActAsync(Func<Task<string>> call) => CallAsync(call);
}
