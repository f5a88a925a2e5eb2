using System.CommandLine;
using Grpc.Core;
using Program287g.Agreement.V1;
using Program287g.Cli.Output;
using Program287g.Cli.Services;

namespace Program287g.Cli.Commands;

/// <summary>What every command shares: the global options (--url, --token, --json), where output goes, and how
/// a command's core gets its client.</summary>
public sealed class CommandContext(AgreementClientFactory clients, TextWriter stdout, TextWriter stderr)
{
    public Option<string?> Url { get; } = new("--url")
    {
        Description = "The gRPC address of the service the command calls [default: $PROGRAM287G_<SERVICE>_URL " +
            "(AGENCY, AGREEMENT, NOMINEE, NOTIFICATION), else the AppHost's port: 5101, 5102, 5103, 5104]",
        Recursive = true,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = $"Bearer token [default: ${AgreementClientFactory.TokenVariable}, else a program-staff token minted with the AppHost's key]",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print one JSON document on stdout (for scripts) instead of tables and progress bars",
        Recursive = true,
    };

    /// <summary>Connects and runs a command's core, which turns its own failures into exit codes.</summary>
    public async Task<int> RunAsync(ParseResult parse, Func<AgreementService.AgreementServiceClient, CliOutput, Task<int>> core)
    {
        var output = new CliOutput(stdout, stderr, parse.GetValue(Json));
        using var connection = clients.Connect(parse.GetValue(Url), parse.GetValue(Token));
        if (connection.Problem is { } problem)
        {
            output.WriteError(problem);
            return ExitCodes.Usage;
        }
        return await core(connection.Client!, output);
    }

    /// <summary>Connects to <paramref name="service"/> and runs a command's core with a call invoker for its client.</summary>
    public async Task<int> RunAsync(ParseResult parse, CliService service, Func<CallInvoker, CliOutput, Task<int>> core)
    {
        var output = new CliOutput(stdout, stderr, parse.GetValue(Json), service.Name);
        using var connection = clients.Connect(service, parse.GetValue(Url), parse.GetValue(Token));
        if (connection.Problem is { } problem)
        {
            output.WriteError(problem);
            return ExitCodes.Usage;
        }
        return await core(connection.Invoker!, output);
    }
}
