using Grpc.Core;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Program287g.Agreement.V1;
using Program287g.Console.Services;
using AgreementRecord = Program287g.Agreement.V1.Agreement;

namespace Program287g.Console.Components.Pages.Agreements.Actions;

/// <summary>What every lifecycle dialog does: it makes the call itself, so that a refusal keeps it open with what the
/// person typed and the service's words beside the fields they name; on success it closes with a sentence for the
/// snackbar.</summary>
public abstract class ActionDialogBase : ComponentBase
{
    [CascadingParameter]
    protected IMudDialogInstance MudDialog { get; set; } = default!;

    [Inject]
    protected AgreementService.AgreementServiceClient Agreements { get; set; } = default!;

    [Inject]
    protected TimeProvider Clock { get; set; } = default!;

    [Parameter, EditorRequired]
    public AgreementRecord Agreement { get; set; } = default!;

    protected ServiceProblem? Problem { get; private set; }

    protected bool Busy { get; private set; }

    protected DateTime Today => Labels.TodayEastern(Clock).ToDateTime(TimeOnly.MinValue);

    protected bool HasError(string field) => Problem?.Has(field) ?? false;

    protected string? ErrorFor(string field) => Problem?.For(field);

    protected void Cancel() => MudDialog.Cancel();

    /// <summary>Runs the call; closes with its sentence, or keeps the dialog open showing the refusal.</summary>
    protected async Task ActAsync(Func<Task<string>> call)
    {
        if (Busy)
        {
            return;
        }
        Busy = true;
        try
        {
            var done = await call();
            MudDialog.Close(DialogResult.Ok(done));
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
}
