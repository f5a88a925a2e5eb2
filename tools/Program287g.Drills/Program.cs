using System.CommandLine;
using Program287g;
using Program287g.Drills;
using Program287g.Testing;

// The fault drills: the whole system natively, a burst of real work (calls through the gRPC APIs, or emails into the
// program mailbox), one fault per drill, then the books. Exits 1 when any drill loses or doubles anything.
var only = new Option<int[]>("--drill") { Description = "Drills to run (1-8); all when none given", AllowMultipleArgumentsPerToken = true };
var calls = new Option<int>("--calls") { Description = "Calls per drill", DefaultValueFactory = _ => 3000 };
var concurrency = new Option<int>("--concurrency") { Description = "Calls in flight", DefaultValueFactory = _ => 16 };
var deadline = new Option<int>("--deadline") { Description = "Each call's deadline, in seconds", DefaultValueFactory = _ => 10 };
var emails = new Option<int>("--emails") { Description = "Emails delivered into the mailbox in a mail drill (7)", DefaultValueFactory = _ => 600 };
var instances = new Option<int>("--instances") { Description = "Instances of each service", DefaultValueFactory = _ => 2 };
var drain = new Option<int>("--drain") { Description = "How long the books may take to square after a burst, in seconds", DefaultValueFactory = _ => 300 };
var root = new RootCommand("Program287g fault drills") { only, calls, concurrency, deadline, emails, instances, drain };
root.SetAction(async (result, _) =>
{
    var repository = RepositoryRoot();
    var tokens = new TestTokens();
    await using var servers = new DrillServers();
    Console.WriteLine($"Starting PostgreSQL, RabbitMQ, aiosmtpd, Dovecot and {result.GetValue(instances)} instances of each of the four services ...");
    await servers.StartAsync(ResourceNames.Databases);
    await using var services = new SystemServices(repository, servers, tokens.SigningKey, result.GetValue(instances));
    await services.StartAllAsync();
    var context = new DrillContext(servers, services, tokens.Staff());
    var chosen = result.GetValue(only) is { Length: > 0 } numbers ? Drill.All.Where(d => numbers.Contains(d.Number)) : Drill.All;
    var settings = new DrillSettings(result.GetValue(calls), result.GetValue(concurrency), TimeSpan.FromSeconds(result.GetValue(deadline)),
        TimeSpan.FromSeconds(result.GetValue(drain)), result.GetValue(emails));
    var failures = 0;
    foreach (var drill in chosen)
    {
        if (drill.NeedsInstances > services.Instances)
        {
            Console.WriteLine($"drill {drill.Number} ({drill.Name}): not run, it needs --instances {drill.NeedsInstances} or more");
            continue;
        }
        var (balance, drained) = await drill.RunAsync(context, settings);
        Console.WriteLine(Drill.Line(drill, balance, drained));
        foreach (var finding in balance.Findings.Take(20))
        {
            Console.WriteLine($"    {finding}");
        }
        failures += balance.Squares ? 0 : 1;
    }
    return failures == 0 ? 0 : 1;
});
return await root.Parse(args).InvokeAsync();

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Program287g.sln")))
        {
            return dir.FullName;
        }
    }
    throw new InvalidOperationException($"No Program287g.sln above {AppContext.BaseDirectory}.");
}
