using System.Diagnostics;
using System.Globalization;

namespace Program287g.Drills;

/// <summary>One fault, injected halfway through a burst, and undone.</summary>
public sealed record Drill(int Number, string Name, Func<DrillContext, Task> Fault, Drill.Work Burst = Drill.Work.Calls)
{
    public static IReadOnlyList<Drill> All { get; } =
    [
        new(1, "kill -9 RabbitMQ, restarted 10 s later", async c =>
        {
            await c.Servers.KillRabbitMqAsync();
            await Task.Delay(TimeSpan.FromSeconds(10));
            await c.Servers.StartRabbitMqAsync();
        }),
        new(2, "kill -9 the Agreement service (every instance) under load (commits not yet published), restarted", async c =>
        {
            await c.Services.KillAsync(ResourceNames.AgreementService);
            await c.Services.StartAsync(ResourceNames.AgreementService);
        }),
        new(3, "kill -9 the Notification service (every instance) holding unacknowledged messages, restarted", async c =>
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
        new(7, "kill -9 the IMAP server (every Dovecot process) mid-intake, restarted 10 s later", async c =>
        {
            await c.Servers.Imap.KillAsync();
            await Task.Delay(TimeSpan.FromSeconds(10));
            await c.Servers.Imap.StartAgainAsync();
        }, Work.Mail),
        new(8, "kill -9 one instance of every service at once, the others carrying on, restarted 10 s later", async c =>
        {
            await Task.WhenAll(SystemServices.Names.Select(name => c.Services.KillAsync(name, instance: 0)));
            await Task.Delay(TimeSpan.FromSeconds(10));
            await Task.WhenAll(SystemServices.Names.Select(name => c.Services.StartAsync(name, instance: 0)));
        }) { NeedsInstances = 2 },
    ];

    /// <summary>How many instances of each service the drill needs (drill 8 kills one and counts on another).</summary>
    public int NeedsInstances { get; init; } = 1;

    /// <summary>What the burst is made of: gRPC calls (<see cref="CallBurst"/>), or emails into the program mailbox
    /// (<see cref="MailBurst"/>).</summary>
    public enum Work
    {
        Calls,
        Mail,
    }

    /// <summary>The burst with the fault halfway, then the books, polled until they square or the drain time runs out.</summary>
    public async Task<(IBalance Balance, TimeSpan Drain)> RunAsync(DrillContext context, DrillSettings settings)
    {
        var run = $"{Number}{Guid.NewGuid().ToString("N")[..6]}";
        IBurst burst = Burst switch
        {
            Work.Calls => new CallBurst(context, run, settings),
            Work.Mail => new MailBurst(context, run, settings),
            _ => throw new InvalidOperationException($"No burst of {Burst}."),
        };
        await burst.RunAsync(() => Fault(context));
        var drained = Stopwatch.StartNew();
        IBalance? balance = null;
        while (balance is not { Squares: true } && drained.Elapsed < settings.MaxDrain)
        {
            try
            {
                balance = await burst.BalanceAsync();
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
        balance ??= await burst.BalanceAsync();
        return (balance, drained.Elapsed);
    }

    public static string Line(Drill drill, IBalance balance, TimeSpan drain) => string.Create(CultureInfo.InvariantCulture,
        $"drill {drill.Number} ({drill.Name}): {balance.Figures}, drained in {drain.TotalSeconds:0.0} s");
}

/// <summary>What a fault acts on.</summary>
public sealed record DrillContext(DrillServers Servers, SystemServices Services, string StaffToken);
