using System.CommandLine;
using Program287g.Agreement.V1;
using Program287g.Cli.Output;
using Program287g.Cli.Parsing;

namespace Program287g.Cli.Commands;

/// <summary>program287g mandates: agencies that their state's law requires to hold an agreement and hold none.</summary>
public static class MandatesCommand
{
    public sealed record Options(string? State, DateOnly? AsOf);

    public static Command Create(CommandContext context)
    {
        var state = new Option<string?>("--state") { Description = "One state (USPS code or name); every state with a mandate when not given" };
        var asOf = AsOf.DayOption("The day whose laws and agreements count; today (Eastern time) when not given.");
        var command = new Command("mandates", "Agencies in states whose law requires an agreement " +
            "(Florida, Georgia, Texas, Arkansas) that have none.") { state, asOf };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, (client, output) =>
            RunAsync(client, new Options(parse.GetValue(state), parse.GetValue(asOf)), output, cancellationToken)));
        return command;
    }

    public static Task<int> RunAsync(AgreementService.AgreementServiceClient client, Options options, CliOutput output,
        CancellationToken cancellationToken) =>
        CommandGuard.RunAsync(output, async () =>
        {
            var response = await client.ListStateMandateGapsAsync(
                new ListStateMandateGapsRequest { State = options.State ?? "", AsOf = options.AsOf.ToDate() },
                cancellationToken: cancellationToken);
            if (output.Json)
            {
                output.WriteJson(ProtoJson.From(response)!);
            }
            else
            {
                Write(response, output);
            }
            return ExitCodes.Ok;
        }, cancellationToken);

    private static void Write(ListStateMandateGapsResponse response, CliOutput output)
    {
        output.Out.WriteLine($"State mandates in force on {Formats.Human(response.AsOf)}:");
        var mandates = Terminal.Table("State", "Law", "Requirement", "In force from", "Comply by", "Models");
        foreach (var mandate in response.Mandates)
        {
            mandates.Row(mandate.State, mandate.Law, mandate.Requirement, Formats.Human(mandate.InForceFrom),
                Formats.Human(mandate.ComplyBy), string.Join(", ", mandate.Models.Select(model => Formats.Human(model))));
        }
        output.Console.Write(mandates);
        if (response.Gaps.Count == 0)
        {
            output.Out.WriteLine("Every agency under these mandates holds an agreement.");
            return;
        }
        output.Out.WriteLine($"{Formats.Count(response.Gaps.Count)} agencies without the agreement their state's law requires:");
        var gaps = Terminal.Table("State", "Agency", "Type", "County", "Law", "Pending applications");
        foreach (var gap in response.Gaps)
        {
            gaps.Row(gap.Agency?.State, gap.Agency?.Name, gap.Agency?.Type, gap.Agency?.County, gap.Mandate?.Law,
                gap.PendingAgreementIds.Count == 0 ? "none" : string.Join(", ", gap.PendingAgreementIds));
        }
        output.Console.Write(gaps);
    }
}
