using Program287g.Agreement.V1;
using Spectre.Console;

namespace Program287g.Cli.Output;

/// <summary>What an import reports while it runs: bytes sent, then the service's rows done.</summary>
public interface IImportProgress
{
    void Uploaded(long bytesSent, long bytesTotal);

    void Imported(int rowsDone, int rowsTotal);

    void Finished(ImportOutcome outcome);
}

/// <summary>With --json: progress goes nowhere.</summary>
public sealed class SilentImportProgress : IImportProgress
{
    public static readonly SilentImportProgress Instance = new();

    public void Uploaded(long bytesSent, long bytesTotal)
    {
    }

    public void Imported(int rowsDone, int rowsTotal)
    {
    }

    public void Finished(ImportOutcome outcome)
    {
    }
}

/// <summary>Two Spectre progress bars: the upload, then the service's import of the rows.</summary>
public sealed class ImportProgressBars : IImportProgress
{
    private readonly ProgressTask upload;
    private readonly ProgressTask import;

    private ImportProgressBars(ProgressContext context, string fileName)
    {
        upload = context.AddTask($"Uploading {Markup.Escape(fileName)}", maxValue: 1);
        import = context.AddTask("Importing rows", maxValue: 1);
        import.IsIndeterminate = true;
    }

    public static Task<T> ShowAsync<T>(IAnsiConsole console, string fileName, Func<IImportProgress, Task<T>> work) =>
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(context => work(new ImportProgressBars(context, fileName)));

    public void Uploaded(long bytesSent, long bytesTotal)
    {
        // An empty file is uploaded at once (and a bar with no maximum has no percentage).
        upload.MaxValue = Math.Max(bytesTotal, 1);
        upload.Value = bytesTotal == 0 ? 1 : bytesSent;
    }

    public void Imported(int rowsDone, int rowsTotal)
    {
        if (rowsTotal <= 0)
        {
            return;
        }
        import.IsIndeterminate = false;
        import.MaxValue = rowsTotal;
        import.Value = rowsDone;
        import.Description = $"Importing rows ({Formats.Count(rowsDone)} of {Formats.Count(rowsTotal)})";
    }

    public void Finished(ImportOutcome outcome)
    {
        import.IsIndeterminate = false;
        import.Value = import.MaxValue;
        import.StopTask();
    }
}
