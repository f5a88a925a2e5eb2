using Grpc.Core;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Program287g.Console.Services;

namespace Program287g.Console.Components.Shared;

/// <summary>What every dialog that acts through a service does: it makes the call itself, so that a refusal keeps it
/// open with what the person typed and the service's words beside the fields they name; it closes only once the service
/// took the action, with what the call returned.</summary>
public abstract class ServiceDialogBase : ComponentBase
{
    [CascadingParameter]
    protected IMudDialogInstance MudDialog { get; set; } = default!;

    [Inject]
    protected TimeProvider Clock { get; set; } = default!;

    protected ServiceProblem? Problem { get; private set; }

    protected bool Busy { get; private set; }

    /// <summary>Today in the program's time zone: the day most actions are recorded for.</summary>
    protected DateTime Today => Labels.TodayEastern(Clock).ToDateTime(TimeOnly.MinValue);

    protected bool HasError(string field) => Problem?.Has(field) ?? false;

    protected string? ErrorFor(string field) => Problem?.For(field);

    protected void Cancel() => MudDialog.Cancel();

    /// <summary>Runs the call once at a time; closes with its result, or keeps the dialog open showing the refusal.</summary>
    protected async Task CallAsync<TResult>(Func<Task<TResult>> call)
    {
        if (Busy)
        {
            return;
        }
        Busy = true;
        Problem = null;
        try
        {
            var result = await call();
            MudDialog.Close(DialogResult.Ok(result));
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
