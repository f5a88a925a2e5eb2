using System.CommandLine;
using Program287g.Benchmarks;
using Program287g.Benchmarks.Acknowledgments;
using Program287g.Benchmarks.Imports;
using Program287g.Benchmarks.Reads;
using Program287g.Benchmarks.Stats;
using Program287g.Benchmarks.Writes;

// Figures, not a test: each benchmark starts its own PostgreSQL and RabbitMQ as the tests do.
// No command, or a number alone, runs the messaging benchmark, as the README's first command always has.
if (args.Length == 0 || int.TryParse(args[0], out _))
{
    args = ["messaging", .. args];
}

var messages = new Argument<int>("messages")
{
    Description = "Messages per throughput run",
    Arity = ArgumentArity.ZeroOrOne,
    DefaultValueFactory = _ => 20_000,
};
var messaging = new Command("messaging", "Outbox publishing against plain MassTransit publishing") { messages };
messaging.SetAction((result, _) => MessagingBenchmark.RunAsync(result.GetValue(messages)));

var seconds = Positive(new Option<int>("--seconds") { Description = "Measured seconds per operation", DefaultValueFactory = _ => 20 });
var warmUp = Positive(new Option<int>("--warm-up") { Description = "Unmeasured seconds before each", DefaultValueFactory = _ => 3 });
var concurrency = Positive(new Option<int>("--concurrency") { Description = "Calls in flight", DefaultValueFactory = _ => 32 });
var writes = new Command("writes", "The real RegisterAgency and SubmitApplication against a bare gRPC + PostgreSQL server")
{
    seconds, warmUp, concurrency,
};
writes.SetAction((result, _) => WritesBenchmark.RunAsync(new LoadShape(TimeSpan.FromSeconds(result.GetValue(warmUp)),
    TimeSpan.FromSeconds(result.GetValue(seconds)), result.GetValue(concurrency))));

var statsSeconds = Positive(new Option<int>("--seconds") { Description = "Measured seconds per size", DefaultValueFactory = _ => 10 });
var statsConcurrency = Positive(new Option<int>("--concurrency") { Description = "Calls in flight", DefaultValueFactory = _ => 1 });
var stats = new Command("stats", "GetStatistics at 1,000 and at 100,000 agreements") { statsSeconds, statsConcurrency };
stats.SetAction((result, _) => StatisticsBenchmark.RunAsync(new LoadShape(TimeSpan.FromSeconds(2),
    TimeSpan.FromSeconds(result.GetValue(statsSeconds)), result.GetValue(statsConcurrency))));

var rate = Positive(new Option<int>("--rate") { Description = "SubmitApplication calls started per second", DefaultValueFactory = _ => 50 });
var ackSeconds = Positive(new Option<int>("--seconds") { Description = "Measured seconds", DefaultValueFactory = _ => 20 });
var ackWarmUp = Positive(new Option<int>("--warm-up") { Description = "Unmeasured seconds before", DefaultValueFactory = _ => 3 });
var smtpServer = new Option<SmtpServerKind>("--smtp")
{
    Description = "maildir: aiosmtpd writing a maildir (python3-aiosmtpd); smtp4dev: the mail catcher the system runs with",
    DefaultValueFactory = _ => SmtpServerKind.Maildir,
};
var acknowledgments = new Command("acknowledgments", "From SubmitApplication to its acknowledgment accepted by SMTP, at a steady rate")
{
    rate, ackSeconds, ackWarmUp, smtpServer,
};
acknowledgments.SetAction((result, _) => AcknowledgmentBenchmark.RunAsync(result.GetValue(rate),
    TimeSpan.FromSeconds(result.GetValue(ackWarmUp)), TimeSpan.FromSeconds(result.GetValue(ackSeconds)), result.GetValue(smtpServer)));

var readsSeconds = Positive(new Option<int>("--seconds") { Description = "Measured seconds per operation", DefaultValueFactory = _ => 20 });
var readsConcurrency = Positive(new Option<int>("--concurrency") { Description = "Calls in flight", DefaultValueFactory = _ => 32 });
var reads = new Command("reads", "The real GetAgency and GetStatistics against a bare gRPC echo") { readsSeconds, readsConcurrency };
reads.SetAction((result, _) => ReadsBenchmark.RunAsync(new LoadShape(TimeSpan.FromSeconds(3),
    TimeSpan.FromSeconds(result.GetValue(readsSeconds)), result.GetValue(readsConcurrency))));

var import = new Command("import", $"ICE's {ImportBenchmark.File} through ImportIceList");
import.SetAction((_, _) => ImportBenchmark.RunAsync());

// Every figure the README's table holds, in one run: each part starts its own servers and services.
var suiteRate = Positive(new Option<int>("--rate") { Description = "Acknowledgment calls per second", DefaultValueFactory = _ => 100 });
var suite = new Command("suite", "writes, reads, acknowledgments at --rate (aiosmtpd, then smtp4dev), statistics at 1k/100k/1M, the July 2025 import") { suiteRate };
suite.SetAction(async (result, _) =>
{
    var shape = new LoadShape(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(20), 32);
    int[] codes =
    [
        await WritesBenchmark.RunAsync(shape),
        await ReadsBenchmark.RunAsync(shape),
        await AcknowledgmentBenchmark.RunAsync(result.GetValue(suiteRate), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(20), SmtpServerKind.Maildir),
        await AcknowledgmentBenchmark.RunAsync(result.GetValue(suiteRate), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(20), SmtpServerKind.Smtp4dev),
        await StatisticsBenchmark.RunAsync(new LoadShape(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), 1)),
        await ImportBenchmark.RunAsync(),
    ];
    return codes.Max();
});

return await new RootCommand("Program287g benchmarks") { messaging, writes, reads, stats, acknowledgments, import, suite }.Parse(args).InvokeAsync();

static Option<int> Positive(Option<int> option)
{
    option.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<int>() < 1)
        {
            result.AddError($"{option.Name} must be at least 1.");
        }
    });
    return option;
}
