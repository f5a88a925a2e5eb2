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
    public const int MaxPageSize = 500;

    public sealed record Options(IceListKind Kind, Model Model, string? State, DateTimeOffset? AsOf, bool All,
        int PageSize, string? PageToken);

    public static Command Create(CommandContext context)
    {
        var kind = new Argument<IceListKind>("list") { Description = "Which of ICE's lists", HelpName = "participating|pending", CustomParser = Choices.ParseKind };
        var model = new Option<Model>("--model") { Description = "Only one model", HelpName = "jem|tfm|wso", CustomParser = Choices.ParseModel };
        var state = new Option<string?>("--state") { Description = "Only one state (USPS code or name)" };
        var asOf = AsOf.MomentOption("The moment the list describes; now when not given.");
        var all = new Option<bool>("--all") { Description = "Follow the pages to the end" };
        var pageSize = new Option<int?>("--page-size") { Description = $"Rows per page, 1 to {MaxPageSize} [default: the service's 50; {MaxPageSize} with --all]" };
        pageSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } size && size is < 1 or > MaxPageSize)
            {
                result.AddError($"--page-size must be 1 to {MaxPageSize}, not {size}.");
            }
        });
        var pageToken = new Option<string?>("--page-token") { Description = "Continue from a page token a previous list printed" };
        var command = new Command("list", "Lists the agreements on ICE's participating list or the applications on its pending list.")
        {
            kind, model, state, asOf, all, pageSize, pageToken,
        };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, (client, output) =>
        {
            var everything = parse.GetValue(all);
            var options = new Options(parse.GetValue(kind), parse.GetValue(model), parse.GetValue(state),
                parse.GetValue(asOf), everything, parse.GetValue(pageSize) ?? (everything ? MaxPageSize : 0),
                parse.GetValue(pageToken));
            return RunAsync(client, options, output, cancellationToken);
        }));
        return command;
    }

    public static Task<int> RunAsync(AgreementService.AgreementServiceClient client, Options options, CliOutput output,
        CancellationToken cancellationToken) =>
        CommandGuard.RunAsync(output, async () =>
        {
            var rows = new List<Agreement.V1.Agreement>();
            var token = options.PageToken ?? "";
            Page page;
            while (true)
            {
                page = await FetchAsync(client, options, token, cancellationToken);
                rows.AddRange(page.Rows);
                if (!options.All || page.NextToken.Length == 0)
                {
                    break;
                }
                if (page.NextToken == token)
                {
                    throw new UnexpectedAnswerException($"the service answered page token '{token}' with itself; stopped.");
                }
                token = page.NextToken;
            }
            var next = options.All ? null : NonEmpty(page.NextToken);
            if (output.Json)
            {
                output.WriteJson(new JsonObject
                {
                    ["kind"] = Formats.ShortName(options.Kind),
                    ["asOf"] = ProtoJson.From(page.AsOf),
                    [RowsName(options.Kind)] = ProtoJson.Array(rows),
                    ["nextPageToken"] = next,
                });
            }
            else
            {
                Write(options.Kind, rows, page.AsOf, next, output);
            }
            return ExitCodes.Ok;
        }, cancellationToken);

    private sealed record Page(IReadOnlyList<Agreement.V1.Agreement> Rows, string NextToken, Timestamp? AsOf);

    private static async Task<Page> FetchAsync(AgreementService.AgreementServiceClient client, Options options,
        string token, CancellationToken cancellationToken)
    {
        if (options.Kind == IceListKind.Pending)
        {
            var pending = await client.ListPendingApplicationsAsync(new ListPendingApplicationsRequest
            {
                Model = options.Model, State = options.State ?? "", PageSize = options.PageSize, PageToken = token,
                AsOf = options.AsOf.ToTimestamp(),
            }, cancellationToken: cancellationToken);
            return new Page(pending.Applications, pending.NextPageToken, pending.AsOf);
        }
        var participating = await client.ListParticipatingAgreementsAsync(new ListParticipatingAgreementsRequest
        {
            Model = options.Model, State = options.State ?? "", PageSize = options.PageSize, PageToken = token,
            AsOf = options.AsOf.ToTimestamp(),
        }, cancellationToken: cancellationToken);
        return new Page(participating.Agreements, participating.NextPageToken, participating.AsOf);
    }

    // The proto's own names for the rows of each list.
    private static string RowsName(IceListKind kind) => kind == IceListKind.Pending ? "applications" : "agreements";

    private static void Write(IceListKind kind, List<Agreement.V1.Agreement> rows, Timestamp? asOf, string? next, CliOutput output)
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

    private static string? NonEmpty(string value) => value.Length == 0 ? null : value;
}
