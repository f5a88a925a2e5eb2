using System.CommandLine;
using Program287g.Cli.Commands;

namespace Program287g.Cli;

/// <summary>The program287g command line: builds the commands, turns parse errors into exit code 2, runs.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr,
        AgreementClientFactory clients, CancellationToken cancellationToken = default)
    {
        var parse = BuildRootCommand(new CommandContext(clients, stdout, stderr)).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync($"program287g: {error.Message}");
            }
            await stderr.WriteLineAsync("Run 'program287g --help' (or '<command> --help') for usage.");
            return ExitCodes.Usage;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken);
    }

    public static RootCommand BuildRootCommand(CommandContext context) =>
        new("program287g: ICE's 287(g) lists and figures from the Agreement service, for program staff.")
        {
            context.Url,
            context.Token,
            context.Json,
            ImportCommand.Create(context),
            ExportCommand.Create(context),
            StatsCommand.Create(context),
            ListCommand.Create(context),
            MandatesCommand.Create(context),
            AgreementCommand.Create(context),
        };
}
