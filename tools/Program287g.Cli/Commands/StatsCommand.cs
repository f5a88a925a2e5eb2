using System.CommandLine;
using Program287g.Agreement.V1;
using Program287g.Cli.Output;
using Program287g.Cli.Parsing;
using Spectre.Console;

namespace Program287g.Cli.Commands;

/// <summary>program287g stats: the figures ICE prints, per model and in total.</summary>
public static class StatsCommand
{
    public sealed record Options(DateTimeOffset? AsOf);

    public static Command Create(CommandContext context)
    {
        var asOf = AsOf.MomentOption("The moment the figures describe; now when not given.");
        var command = new Command("stats", "Per model: agreements in force, agencies, states, pending applications, " +
            "suspended agreements; the totals; and the lines ICE prints.") { asOf };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, (client, output) =>
            RunAsync(client, new Options(parse.GetValue(asOf)), output, cancellationToken)));
        return command;
    }

    public static Task<int> RunAsync(AgreementService.AgreementServiceClient client, Options options, CliOutput output,
        CancellationToken cancellationToken) =>
        CommandGuard.RunAsync(output, async () =>
        {
            var statistics = await client.GetStatisticsAsync(
                new GetStatisticsRequest { AsOf = options.AsOf.ToTimestamp() }, cancellationToken: cancellationToken);
            if (output.Json)
            {
                output.WriteJson(ProtoJson.From(statistics)!);
            }
            else
            {
                Write(statistics, output);
            }
            return ExitCodes.Ok;
        }, cancellationToken);

    private static void Write(GetStatisticsResponse statistics, CliOutput output)
    {
        output.Out.WriteLine($"287(g) figures as of {Formats.Human(statistics.AsOf)}");
        var table = Terminal.Table("Model", "Agreements", "Agencies", "States", "Pending", "Suspended");
        foreach (var model in statistics.Models)
        {
            table.Row(Formats.Human(model.Model), Formats.Count(model.Agreements), Formats.Count(model.Agencies),
                Formats.Count(model.States), Formats.Count(model.PendingApplications),
                Formats.Count(model.SuspendedAgreements));
        }
        // An agency or state with two models counts once in the totals, so they are the service's, not sums;
        // suspended agreements have no overlap and no total field.
        table.Row("Total", Formats.Count(statistics.TotalAgreements), Formats.Count(statistics.TotalAgencies),
            Formats.Count(statistics.TotalStates), Formats.Count(statistics.TotalPendingApplications),
            Formats.Count(statistics.Models.Sum(model => model.SuspendedAgreements)));
        foreach (var column in table.Columns.Skip(1))
        {
            column.Alignment = Justify.Right;
        }
        output.Console.Write(table);
        foreach (var line in statistics.SummaryLines)
        {
            output.Out.WriteLine(line);
        }
    }
}
