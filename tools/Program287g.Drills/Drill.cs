using System.Diagnostics;
using System.Globalization;

namespace Program287g.Drills;

/// <summary>One fault, injected halfway through a burst, and undone.</summary>
public sealed record Drill(int Number, string Name, Func<DrillContext, Task> Fault)
{
    public static IReadOnlyList<Drill> All { get; } =
    [
        new(1, "kill -9 RabbitMQ, restarted 10 s later", async c =>
        {
            await c.Servers.KillRabbitMqAsync();
            await Task.Delay(TimeSpan.FromSeconds(10));
            await c.Servers.StartRabbitMqAsync();
        }),
        new(2, "kill -9 the Agreement service under load (commits not yet published), restarted", async c =>
        {
            await c.Services.KillAsync(ResourceNames.AgreementService);
            await c.Services.StartAsync(ResourceNames.AgreementService);
        }),
        new(3, "kill -9 the Notification service holding unacknowledged messages, restarted", async c =>
        {
            await c.Services.KillAsync(ResourceNames.NotificationService);
            await c.Services.StartAsync(ResourceNames.NotificationService);
        }),
        new(4, "PostgreSQL stopped with pg_ctl -m immediate during writes, restarted", async c =>
        {
            await c.Servers.CrashPostgresAsync();
            await Task.Delay(TimeSpan.FromSeconds(2));
            await c.Servers.StartPostgresAsync();
        }),
        new(5, "the broker SIGSTOPped for 30 s, then SIGCONT", async c =>
        {
            c.Servers.PauseRabbitMq(pause: true);
            await Task.Delay(TimeSpan.FromSeconds(30));
            c.Servers.PauseRabbitMq(pause: false);
        }),
        new(6, "the SMTP server down for a minute", async c =>
        {
            await c.Servers.Smtp.StopAsync();
            await Task.Delay(TimeSpan.FromMinutes(1));
            await c.Servers.Smtp.StartAgainAsync();
        }),
    ];

    /// <summary>The burst with the fault halfway, then the books, polled until they square or the drain time runs out.</summary>
    public async Task<(Balance Balance, TimeSpan Longest, TimeSpan Drain)> RunAsync(DrillContext context, int calls, int concurrency,
        TimeSpan deadline, TimeSpan maxDrain)
    {
        var run = $"{Number}{Guid.NewGuid().ToString("N")[..6]}";
        var workload = new Workload(context.Services, context.StaffToken, run, calls, concurrency, deadline);
        await workload.RunAsync(() => Fault(context));
        var drained = Stopwatch.StartNew();
        var books = new Books(context.Servers, run);
        Balance? balance = null;
        while (balance is not { Squares: true } && drained.Elapsed < maxDrain)
        {
            try
            {
                balance = await books.BalanceAsync(workload.Records);
            }
            catch (Npgsql.NpgsqlException exception) when (exception.IsTransient)
            {
                // A database still recovering answers "starting up": the books are read again in a moment.
                Console.WriteLine($"    books not readable yet: {exception.Message}\n{string.Join('\n', context.Servers.PostgresOutput.Split('\n').TakeLast(8))}");
            }
            if (balance is not { Squares: true })
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
        balance ??= await books.BalanceAsync(workload.Records);
        return (balance, workload.Records.Max(r => r.Latency), drained.Elapsed);
    }

    public static string Line(Drill drill, Balance b, TimeSpan longest, TimeSpan deadline, TimeSpan drain) => string.Create(CultureInfo.InvariantCulture,
        $"drill {drill.Number} ({drill.Name}): calls {b.Calls}, OK {b.Ok}, failed {b.Failed} ({b.InDoubt} in doubt, committed), "
        + $"effects {b.Effects}, emails {b.EmailsFound}/{b.ExpectedEmails} ({b.Settled.Found} found in doubt, {b.Settled.SentAgain} sent again), "
        + $"lost {b.Lost}, doubled {b.Doubled}, "
        + $"longest call {longest.TotalSeconds:0.00} s of a {deadline.TotalSeconds:0} s deadline, drained in {drain.TotalSeconds:0.0} s");
}

/// <summary>What a fault acts on.</summary>
public sealed record DrillContext(DrillServers Servers, SystemServices Services, string StaffToken);
