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
        new("program287g: the 287(g) program's work for staff: ICE's lists and figures, agencies, nominees, inquiries, " +
            "notifications and the business-day calendar, from the four services.")
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
            AgencyCommand.Create(context),
            NomineeCommand.Create(context),
            InquiryCommand.Create(context),
            MailboxCommand.Create(context),
            NotificationCommand.Create(context),
            SlaCommand.Create(context),
            ClosureCommand.Create(context),
            CalendarCommand.Create(context),
        };
}
