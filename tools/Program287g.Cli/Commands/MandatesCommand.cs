using System.CommandLine;
using Program287g.Agreement.V1;
using Program287g.Cli.Output;
using Program287g.Cli.Parsing;

namespace Program287g.Cli.Commands;

/// <summary>program287g mandates: covered agencies that do not meet their state's law, each with the reason and the
/// statute; <c>mandates load</c> replaces a state's list of covered agencies from a CSV file.</summary>
public static class MandatesCommand
{
    public sealed record Options(string? State, DateOnly? AsOf);

    public sealed record LoadOptions(string State, string FilePath);

    public static Command Create(CommandContext context)
    {
        var state = new Option<string?>("--state") { Description = "One state (USPS code or name); every state with a mandate when not given" };
        var asOf = AsOf.DayOption("The day whose laws and agreements count; today (Eastern time) when not given.");
        var command = new Command("mandates", "Covered agencies in states whose law requires an agreement " +
            "(Florida, Georgia, Texas, Arkansas) that do not meet it, with the reason and the statute.") { state, asOf, CreateLoad(context) };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, (client, output) =>
            RunAsync(client, new Options(parse.GetValue(state), parse.GetValue(asOf)), output, cancellationToken)));
        return command;
    }

    private static Command CreateLoad(CommandContext context)
    {
        var state = new Option<string>("--state") { Description = "The state whose list this is (USPS code or name)", Required = true };
        var file = new Argument<FileInfo>("file") { Description = "CSV with the columns name, county, kind (sheriff, jail or state-corrections)" }
            .AcceptExistingOnly();
        var command = new Command("load", "Replaces a state's list of the agencies its law covers, registered or not; " +
            "an agency on it with no registered agency shows as a gap.") { state, file };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, (client, output) =>
            LoadAsync(client, new LoadOptions(parse.GetValue(state)!, parse.GetValue(file)!.FullName), output, cancellationToken)));
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

    public static Task<int> LoadAsync(AgreementService.AgreementServiceClient client, LoadOptions options, CliOutput output,
        CancellationToken cancellationToken) =>
        CommandGuard.RunAsync(output, async () =>
        {
            var request = new ReplaceCoveredAgenciesRequest { State = options.State };
            try
            {
                using var reader = File.OpenText(options.FilePath);
                request.Agencies.AddRange(CoveredAgenciesCsv.Read(reader));
            }
            catch (CoveredAgenciesCsv.FormatException problem)
            {
                output.WriteError($"{Path.GetFileName(options.FilePath)}: {problem.Message}");
                return ExitCodes.Usage;
            }
            var response = await client.ReplaceCoveredAgenciesAsync(request, cancellationToken: cancellationToken);
            if (output.Json)
            {
                output.WriteJson(ProtoJson.From(response)!);
            }
            else
            {
                output.Out.WriteLine($"{response.State}: {Formats.Count(response.CoveredAgencies)} covered agencies loaded, " +
                    $"{Formats.Count(response.Registered)} of them registered.");
            }
            return ExitCodes.Ok;
        }, cancellationToken);

    private static void Write(ListStateMandateGapsResponse response, CliOutput output)
    {
        output.Out.WriteLine($"State mandates in force on {Formats.Human(response.AsOf)}:");
        var mandates = Terminal.Table("State", "Law", "Requirement", "In force from", "Comply by", "Models", "Request enough", "Covered");
        foreach (var mandate in response.Mandates)
        {
            mandates.Row(mandate.State, mandate.Law, mandate.Requirement, Formats.Human(mandate.InForceFrom),
                Formats.Human(mandate.ComplyBy), string.Join(", ", mandate.Models.Select(model => Formats.Human(model))),
                mandate.RequestSatisfies ? "yes" : "no, signed only",
                $"{Formats.Count(mandate.CoveredAgencies)} ({(mandate.Coverage == MandateCoverage.LoadedList ? "list" : "registered")})");
        }
        output.Console.Write(mandates);
        foreach (var mandate in response.Mandates.Where(m => m.Coverage != MandateCoverage.LoadedList))
        {
            output.Out.WriteLine($"{mandate.State}: {mandate.CoverageNote}");
        }
        if (response.Gaps.Count == 0)
        {
            output.Out.WriteLine("Every agency these mandates cover meets them.");
            return;
        }
        output.Out.WriteLine($"{Formats.Count(response.Gaps.Count)} covered agencies that do not meet their state's law:");
        var gaps = Terminal.Table("State", "Agency", "Type", "County", "Law", "Reason", "Applications");
        foreach (var gap in response.Gaps)
        {
            var applications = gap.PendingAgreementIds.Concat(gap.OtherModelAgreementIds).ToList();
            gaps.Row(gap.Mandate?.State, gap.Agency?.Name ?? $"{gap.Covered?.Name} (not registered)", gap.Agency?.Type ?? "-",
                gap.Agency?.County is { Length: > 0 } county ? county : gap.Covered?.County, gap.Mandate?.Law, Reason(gap.Reason),
                applications.Count == 0 ? "none" : string.Join(", ", applications));
        }
        output.Console.Write(gaps);
    }

    private static string Reason(MandateGapReason reason) => reason switch
    {
        MandateGapReason.NoAgencyRegistered => "no agency registered",
        MandateGapReason.NoApplication => "no application",
        MandateGapReason.PendingOnly => "pending only; signed required",
        MandateGapReason.WrongModel => "wrong model",
        _ => "-",
    };
}
