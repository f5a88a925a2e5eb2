using Program287g.Agreement.V1;
using Spectre.Console;

namespace Program287g.Cli.Output;

/// <summary>An import's outcome for people: the counts, then every row the service could not take.</summary>
public static class ImportOutcomeView
{
    public static void Write(ImportOutcome outcome, string fileName, CliOutput output)
    {
        output.Out.WriteLine($"Imported {fileName} as the {Formats.Human(outcome.Kind).ToLowerInvariant()} " +
            $"list as of {Formats.Human(outcome.AsOf)}:");
        var counts = new Grid().AddColumn(new GridColumn().PadLeft(2)).AddColumn(new GridColumn().RightAligned());
        foreach (var (label, count) in new[]
        {
            ("rows read", outcome.RowsRead),
            ("agencies registered", outcome.AgenciesRegistered),
            ("agencies matched", outcome.AgenciesMatched),
            ("agreements created", outcome.AgreementsCreated),
            ("applications created", outcome.ApplicationsCreated),
            ("applications signed", outcome.ApplicationsSigned),
            ("agreements superseded", outcome.AgreementsSuperseded),
            ("renewals created", outcome.RenewalsCreated),
            ("renewals signed", outcome.RenewalsSigned),
            ("renewals recognised", outcome.RenewalsRecognised),
            ("links updated", outcome.LinksUpdated),
            ("unchanged", outcome.Unchanged),
            ("problems", outcome.Problems.Count),
        })
        {
            counts.AddRow(new Text(label), new Text(Formats.Count(count)));
        }
        output.Console.Write(counts);
        if (outcome.Problems.Count == 0)
        {
            return;
        }
        output.Out.WriteLine("Rows the service could not take:");
        var problems = Terminal.Table("Row", "Column", "Reason", "Value");
        foreach (var problem in outcome.Problems)
        {
            problems.Row(Formats.Count(problem.Row), problem.Column, problem.Reason, problem.Value);
        }
        problems.Columns[0].Alignment = Justify.Right;
        output.Console.Write(problems);
    }
}
