using System.CommandLine;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Program287g.Agreement.V1;
using Program287g.Cli.Output;
using Program287g.Cli.Parsing;

namespace Program287g.Cli.Commands;

/// <summary>program287g list participating|pending: ICE's lists as the service keeps them, a page or (--all) every
/// page.</summary>
public static class ListCommand
{
    public sealed record Options(IceListKind Kind, Model Model, string? State, DateTimeOffset? AsOf, PageRequest Paging);

    public static Command Create(CommandContext context)
    {
        var kind = new Argument<IceListKind>("list") { Description = "Which of ICE's lists", HelpName = "participating|pending", CustomParser = Choices.ParseKind };
        var model = new Option<Model>("--model") { Description = "Only one model", HelpName = "jem|tfm|wso", CustomParser = Choices.ParseModel };
        var state = new Option<string?>("--state") { Description = "Only one state (USPS code or name)" };
        var asOf = AsOf.MomentOption("The moment the list describes; now when not given.");
        var paging = new Paging();
        var command = new Command("list", "Lists the agreements on ICE's participating list or the applications on its pending list.")
        {
            kind, model, state, asOf,
        };
        paging.AddTo(command);
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, (client, output) =>
        {
            var options = new Options(parse.GetValue(kind), parse.GetValue(model), parse.GetValue(state), parse.GetValue(asOf),
                paging.Read(parse));
            return RunAsync(client, options, output, cancellationToken);
        }));
        return command;
    }

    public static Task<int> RunAsync(AgreementService.AgreementServiceClient client, Options options, CliOutput output,
        CancellationToken cancellationToken) =>
        CommandGuard.RunAsync(output, async () =>
        {
            Timestamp? asOf = null;
            var list = await Paging.FetchAsync<Agreement.V1.Agreement>(options.Paging, RowsName(options.Kind), output, async (size, token) =>
            {
                var page = await FetchAsync(client, options, size, token, cancellationToken);
                // A page token keeps the first page's moment.
                asOf ??= page.AsOf;
                return (page.Rows, page.NextToken);
            });
            if (output.Json)
            {
                output.WriteJson(new JsonObject
                {
                    ["kind"] = Formats.ShortName(options.Kind),
                    ["asOf"] = ProtoJson.From(asOf),
                    [RowsName(options.Kind)] = ProtoJson.Array(list.Rows),
                    ["nextPageToken"] = list.NextPageToken,
                });
            }
            else
            {
                Write(options.Kind, list.Rows, asOf, list.NextPageToken, output);
            }
            return ExitCodes.Ok;
        }, cancellationToken);

    private sealed record Page(IReadOnlyList<Agreement.V1.Agreement> Rows, string NextToken, Timestamp? AsOf);

    private static async Task<Page> FetchAsync(AgreementService.AgreementServiceClient client, Options options,
        int pageSize, string token, CancellationToken cancellationToken)
    {
        if (options.Kind == IceListKind.Pending)
        {
            var pending = await client.ListPendingApplicationsAsync(new ListPendingApplicationsRequest
            {
                Model = options.Model, State = options.State ?? "", PageSize = pageSize, PageToken = token,
                AsOf = options.AsOf.ToTimestamp(),
            }, cancellationToken: cancellationToken);
            return new Page(pending.Applications, pending.NextPageToken, pending.AsOf);
        }
        var participating = await client.ListParticipatingAgreementsAsync(new ListParticipatingAgreementsRequest
        {
            Model = options.Model, State = options.State ?? "", PageSize = pageSize, PageToken = token,
            AsOf = options.AsOf.ToTimestamp(),
        }, cancellationToken: cancellationToken);
        return new Page(participating.Agreements, participating.NextPageToken, participating.AsOf);
    }

    // The proto's own names for the rows of each list.
    private static string RowsName(IceListKind kind) => kind == IceListKind.Pending ? "applications" : "agreements";

    private static void Write(IceListKind kind, IReadOnlyList<Agreement.V1.Agreement> rows, Timestamp? asOf, string? next, CliOutput output)
    {
        var pending = kind == IceListKind.Pending;
        var table = pending
            ? Terminal.Table("State", "Agency", "Type", "County", "Model", "Submitted", "Reference", "Id")
            : Terminal.Table("State", "Agency", "Type", "County", "Model", "Status", "Signed", "MOA", "Reference", "Id");
        foreach (var row in rows)
        {
            if (pending)
            {
                table.Row(row.Agency?.State, row.Agency?.Name, row.Agency?.Type, row.Agency?.County,
                    Formats.Human(row.Model), Formats.Human(row.SubmittedAt), row.ReferenceNumber, row.AgreementId);
            }
            else
            {
                table.Row(row.Agency?.State, row.Agency?.Name, row.Agency?.Type, row.Agency?.County,
                    Formats.Human(row.Model), Formats.Human(row.Status), Formats.Human(row.ActiveFrom),
                    row.MoaUrl.Length == 0 ? "link pending" : row.MoaUrl, row.ReferenceNumber, row.AgreementId);
            }
        }
        output.Console.Write(table);
        output.Out.WriteLine($"{Formats.Count(rows.Count)} {RowsName(kind)} on the {Formats.ShortName(kind)!.ToLowerInvariant()} " +
            $"list as of {Formats.Human(asOf)}.");
        if (next is not null)
        {
            output.Out.WriteLine($"More: add --page-token {next} for the next page, or --all for every page.");
        }
    }
}
