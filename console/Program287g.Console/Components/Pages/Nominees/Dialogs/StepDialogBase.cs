using Grpc.Core;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Program287g.Console.Services;
using Program287g.Nominee.V1;
using NomineeRecord = Program287g.Nominee.V1.Nominee;

namespace Program287g.Console.Components.Pages.Nominees.Dialogs;

/// <summary>What every step's dialog shares: the nominee it acts on, the service, and the rule that a refusal keeps the
/// dialog open with what the person typed, the service's words next to the fields they name. It closes only once the
/// service took the step, with the nominee as they are after it.</summary>
public abstract class StepDialogBase : ComponentBase
{
    [CascadingParameter]
    protected IMudDialogInstance MudDialog { get; set; } = default!;

    [Parameter, EditorRequired]
    public NomineeRecord Nominee { get; set; } = default!;

    /// <summary>The step's key (NomineeSteps), for a dialog that serves several.</summary>
    [Parameter]
    public string StepKey { get; set; } = "";

    [Inject]
    protected NomineeService.NomineeServiceClient Nominees { get; set; } = default!;

    [Inject]
    protected TimeProvider Clock { get; set; } = default!;

    protected ServiceProblem? Problem { get; private set; }

    protected bool Busy { get; private set; }

    protected string OfficerName => $"{Nominee.Officer?.GivenName} {Nominee.Officer?.FamilyName}".Trim();

    /// <summary>Today in the program's time zone: the day most steps are recorded for.</summary>
    protected DateTime? Today => Labels.TodayEastern(Clock).ToDateTime(TimeOnly.MinValue);

    protected async Task SubmitAsync(Func<Task<NomineeRecord>> step)
    {
        Busy = true;
        Problem = null;
        try
        {
            MudDialog.Close(DialogResult.Ok(await step()));
        }
        catch (RpcException exception)
        {
            Problem = ServiceProblem.From(exception);
        }
        finally
        {
            Busy = false;
        }
    }

    protected void Cancel() => MudDialog.Cancel();
}
