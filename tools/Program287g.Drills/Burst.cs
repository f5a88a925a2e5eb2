namespace Program287g.Drills;

/// <summary>The work a drill's fault lands in, and the books it is checked against afterwards.</summary>
public interface IBurst
{
    /// <summary>Runs the burst; <paramref name="halfway"/> is raised once (without waiting for it) halfway through, and
    /// the burst ends only once the fault it raised is over.</summary>
    Task RunAsync(Func<Task> halfway);

    /// <summary>The books as they stand now: read again until they square or the drain time runs out.</summary>
    Task<IBalance> BalanceAsync();
}

/// <summary>What the books say: whether anything was lost or doubled, the figures for the drill's line, and what was
/// found wrong, one line each.</summary>
public interface IBalance
{
    bool Squares { get; }

    string Figures { get; }

    IReadOnlyList<string> Findings { get; }
}

/// <summary>What the command line sets for every drill.</summary>
public sealed record DrillSettings(int Calls, int Concurrency, TimeSpan Deadline, TimeSpan MaxDrain, int Emails);

/// <summary>The burst of gRPC calls (<see cref="Workload"/>) and its <see cref="Books"/>.</summary>
public sealed class CallBurst(DrillContext context, string run, DrillSettings settings) : IBurst
{
    private readonly Workload _workload = new(context.Services, context.StaffToken, run, settings.Calls, settings.Concurrency, settings.Deadline);
    private readonly Books _books = new(context.Servers, run);

    public Task RunAsync(Func<Task> halfway) => _workload.RunAsync(halfway);

    public async Task<IBalance> BalanceAsync() => await _books.BalanceAsync(_workload.Records, settings.Deadline);
}
