using System.CommandLine;
using System.Text.Json.Nodes;
using Program287g.Agreement.V1;
using Program287g.Cli.Output;
using Spectre.Console;

namespace Program287g.Cli.Commands;

/// <summary>program287g agreement show &lt;id&gt;: one application or agreement and every transition it went through;
/// agreement documents is <see cref="DocumentsCommand"/>.</summary>
public static class AgreementCommand
{
    public sealed record ShowOptions(string AgreementId);

    public static Command Create(CommandContext context)
    {
        var id = new Argument<string>("id") { Description = "The agreement's id (as list prints it)" };
        var show = new Command("show", "Shows one application or agreement and its history.") { id };
        show.SetAction((parse, cancellationToken) => context.RunAsync(parse, (client, output) =>
            ShowAsync(client, new ShowOptions(parse.GetValue(id)!), output, cancellationToken)));
        return new Command("agreement", "One application or agreement.") { show, DocumentsCommand.Create(context) };
    }

    public static Task<int> ShowAsync(AgreementService.AgreementServiceClient client, ShowOptions options, CliOutput output,
        CancellationToken cancellationToken) =>
        CommandGuard.RunAsync(output, async () =>
        {
            var agreement = (await client.GetAgreementAsync(new GetAgreementRequest { AgreementId = options.AgreementId },
                cancellationToken: cancellationToken)).Agreement;
            var history = (await client.GetAgreementHistoryAsync(
                new GetAgreementHistoryRequest { AgreementId = options.AgreementId },
                cancellationToken: cancellationToken)).Transitions;
            if (output.Json)
            {
                output.WriteJson(new JsonObject
                {
                    ["agreement"] = ProtoJson.From(agreement),
                    ["history"] = ProtoJson.Array(history),
                });
            }
            else
            {
                Write(agreement, history, output);
            }
            return ExitCodes.Ok;
        }, cancellationToken);

    private static void Write(Agreement.V1.Agreement agreement, IReadOnlyList<Transition> history, CliOutput output)
    {
        var agency = agreement.Agency;
        var grid = new Grid().AddColumn().AddColumn();
        void Line(string label, string? value) => grid.AddRow(new Text(label), new Text(value ?? ""));
        Line("Agreement", $"{agreement.ReferenceNumber} ({agreement.AgreementId})");
        Line("Agency", agency is null ? "-" : $"{agency.Name}, {agency.State} ({agency.Type}, {agency.County}) [{agency.AgencyId}]");
        Line("Model", Formats.Human(agreement.Model));
        Line("Status", agreement.StatusReason.Length == 0
            ? Formats.Human(agreement.Status)
            : $"{Formats.Human(agreement.Status)}: {agreement.StatusReason}");
        Line("Submitted", Formats.Human(agreement.SubmittedAt));
        Line("Letter of interest", Document(agreement.LetterOfInterest));
        Line("Agency-signed MOA", Document(agreement.AgencySignedMoa));
        Line("ICE signature", agreement.IceSignature is { } ice
            ? $"{ice.SignerName}, {ice.SignerTitle}, {Formats.Human(ice.SignedOn)}"
            : "-");
        Line("Active from", Formats.Human(agreement.ActiveFrom));
        Line("MOA", agreement.MoaUrl.Length == 0 ? "link pending" : agreement.MoaUrl);
        if (agreement.Termination is { } termination)
        {
            Line("Termination", $"notice by {Formats.Human(termination.NoticeGivenBy)} on {Formats.Human(termination.NoticeDate)}, " +
                $"effective {Formats.Human(termination.EffectiveOn)}: {termination.Reason}");
        }
        if (agreement.Supersedes.Length > 0)
        {
            Line("Supersedes", agreement.Supersedes);
        }
        if (agreement.SupersededBy.Length > 0)
        {
            Line("Superseded by", agreement.SupersededBy);
        }
        foreach (var addendum in agreement.Addenda)
        {
            Line("Addendum", $"{addendum.Description} ({Formats.Human(addendum.RecordedAt)})");
        }
        Line("Updated", $"{Formats.Human(agreement.UpdatedAt)} (version {agreement.Version})");
        output.Console.Write(grid);

        output.Out.WriteLine("History:");
        var table = Terminal.Table("Recorded", "Effective", "Action", "From", "To", "Actor", "Role", "Note");
        foreach (var transition in history)
        {
            table.Row(Formats.Human(transition.RecordedAt), Formats.Human(transition.EffectiveAt), transition.Action,
                Formats.Human(transition.FromStatus), Formats.Human(transition.ToStatus), transition.Actor,
                transition.ActorRole, transition.Note);
        }
        output.Console.Write(table);
    }

    private static string Document(DocumentRecord? document) =>
        document is null
            ? "-"
            : $"{document.SignerName}, {document.SignerTitle}, signed {Formats.Human(document.SignedOn)}; " +
              $"{(document.Uri.Length > 0 ? document.Uri + ", " : "")}sha256 {document.Sha256}, {Formats.Bytes(document.SizeBytes)}";
}
