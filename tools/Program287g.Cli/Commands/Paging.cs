using System.CommandLine;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Program287g.Cli.Output;

namespace Program287g.Cli.Commands;

/// <summary>What a list command asked for: one page (from a token) or, with --all, every page.</summary>
public sealed record PageRequest(bool All, int PageSize, string? PageToken);

/// <summary>A list as fetched: its rows, and the token of the next page when only one page was asked for.</summary>
public sealed record FetchedList<TRow>(IReadOnlyList<TRow> Rows, string? NextPageToken);

/// <summary>The --all, --page-size and --page-token options of every list command, and the one loop that follows the
/// services' page tokens (every List RPC takes page_size 1 to 500, 0 meaning 50, and answers next_page_token).</summary>
public sealed class Paging
{
    public const int MaxPageSize = 500;

    /// <summary>With --all and more than this many pages, progress goes to stderr.</summary>
    private const int QuietPages = 1;

    public Option<bool> All { get; } = new("--all") { Description = "Follow the pages to the end" };

    public Option<int?> PageSize { get; } = new("--page-size")
    {
        Description = $"Rows per page, 1 to {MaxPageSize} [default: the service's 50; {MaxPageSize} with --all]",
    };

    public Option<string?> PageToken { get; } = new("--page-token") { Description = "Continue from a page token a previous list printed" };

    public Paging()
    {
        PageSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } size && size is < 1 or > MaxPageSize)
            {
                result.AddError($"--page-size must be 1 to {MaxPageSize}, not {size}.");
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(All);
        command.Options.Add(PageSize);
        command.Options.Add(PageToken);
    }

    public PageRequest Read(ParseResult parse)
    {
        var all = parse.GetValue(All);
        return new PageRequest(all, parse.GetValue(PageSize) ?? (all ? MaxPageSize : 0), parse.GetValue(PageToken));
    }

    /// <summary>Fetches one page, or every page with --all; <paramref name="fetch"/> takes (page size, page token) and
    /// answers a page's rows and its next token.</summary>
    public static async Task<FetchedList<TRow>> FetchAsync<TRow>(PageRequest request, string rowsName, CliOutput output,
        Func<int, string, Task<(IEnumerable<TRow> Rows, string NextPageToken)>> fetch)
    {
        var rows = new List<TRow>();
        var token = request.PageToken ?? "";
        var pages = 0;
        while (true)
        {
            var (page, next) = await fetch(request.PageSize, token);
            rows.AddRange(page);
            pages++;
            if (!request.All || next.Length == 0)
            {
                return new FetchedList<TRow>(rows, request.All || next.Length == 0 ? null : next);
            }
            if (next == token)
            {
                throw new UnexpectedAnswerException($"the service answered page token '{token}' with itself; stopped.");
            }
            if (pages >= QuietPages && !output.Json)
            {
                output.Error.WriteLine($"program287g: {Formats.Count(rows.Count)} {rowsName} so far ({pages} pages); fetching more ...");
            }
            token = next;
        }
    }

    /// <summary>A list for scripts: its rows under the proto's own name, the next page token (null at the end or with
    /// --all) and whatever else the response says about the list (as_of).</summary>
    public static JsonObject Json<TRow>(string rowsName, FetchedList<TRow> list, params (string Name, JsonNode? Value)[] extra)
        where TRow : IMessage
    {
        var json = new JsonObject { [rowsName] = ProtoJson.Array(list.Rows.Cast<IMessage>()) };
        foreach (var (name, value) in extra)
        {
            json[name] = value;
        }
        json["nextPageToken"] = list.NextPageToken;
        return json;
    }

    /// <summary>For people: how many, and how to go on.</summary>
    public static void Footer<TRow>(FetchedList<TRow> list, string rowsName, CliOutput output)
    {
        output.Out.WriteLine($"{Formats.Count(list.Rows.Count)} {rowsName}.");
        if (list.NextPageToken is { } next)
        {
            output.Out.WriteLine($"More: add --page-token {next} for the next page, or --all for every page.");
        }
    }
}
