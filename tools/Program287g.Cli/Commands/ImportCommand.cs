using System.CommandLine;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Grpc.Core;
using Program287g.Agreement.V1;
using Program287g.Cli.Output;
using Program287g.Cli.Parsing;
using Program287g.ServiceDefaults.Grpc;

namespace Program287g.Cli.Commands;

/// <summary>program287g import &lt;file.xlsx&gt;: streams one of ICE's lists to the service (the header, then 64 KiB
/// chunks) while reading its progress, and prints the outcome with every row it could not take.</summary>
public static class ImportCommand
{
    public const int ChunkSize = 64 * 1024;

    public sealed record Options(string FilePath, IceListKind Kind, DateTimeOffset? AsOf);

    public static Command Create(CommandContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "ICE's list as downloaded, e.g. participatingAgencies_2025-03-27.xlsx" }
            .AcceptExistingOnly();
        var kind = new Option<IceListKind?>("--kind")
        {
            Description = "participating or pending [default: from the file name, participating* or pending*]",
            HelpName = "participating|pending",
            CustomParser = result => Choices.ParseKind(result),
        };
        var asOf = AsOf.MomentOption("The moment the list describes (ICE's \"As of March 27, 2025, at 3 p.m.\"); the file's own when not given.");
        var command = new Command("import", "Imports one of ICE's published lists (participating or pending) from its xlsx file.")
        {
            file, kind, asOf,
        };
        command.Validators.Add(result =>
        {
            // Read the tokens, not the values: a value whose parse failed throws, and its error is reported already.
            // A missing file is reported first (by AcceptExistingOnly).
            if (result.GetResult(kind) is null && result.GetResult(file)?.Tokens is [var given]
                && File.Exists(given.Value) && Choices.KindFromFileName(given.Value) is null)
            {
                result.AddError($"Cannot tell from the name '{Path.GetFileName(given.Value)}' which list this is: " +
                    "pass --kind participating or --kind pending.");
            }
        });
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, (client, output) =>
        {
            var path = parse.GetValue(file)!.FullName;
            var options = new Options(path, parse.GetValue(kind) ?? Choices.KindFromFileName(path)!.Value, parse.GetValue(asOf));
            return RunAsync(client, options, output, cancellationToken);
        }));
        return command;
    }

    public static Task<int> RunAsync(AgreementService.AgreementServiceClient client, Options options, CliOutput output,
        CancellationToken cancellationToken) =>
        CommandGuard.RunAsync(output, async () =>
        {
            var outcome = output.Json
                ? await UploadAsync(client, options, SilentImportProgress.Instance, cancellationToken)
                : await ImportProgressBars.ShowAsync(output.ErrorConsole, Path.GetFileName(options.FilePath),
                    progress => UploadAsync(client, options, progress, cancellationToken));
            if (output.Json)
            {
                output.WriteJson(ProtoJson.From(outcome)!);
            }
            else
            {
                ImportOutcomeView.Write(outcome, Path.GetFileName(options.FilePath), output);
            }
            return ExitCodes.Ok;
        }, cancellationToken);

    public static async Task<ImportOutcome> UploadAsync(AgreementService.AgreementServiceClient client, Options options,
        IImportProgress progress, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(options.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read,
            ChunkSize, useAsync: true);
        using var call = client.ImportIceList(cancellationToken: cancellationToken);
        // Answers are read while the file goes up: the service may report progress, or refuse, before the end.
        var answers = ReadOutcomeAsync(call.ResponseStream, progress, cancellationToken);
        if (!await call.RequestStream.SendAllAsync(Messages(options, file, progress, cancellationToken), answers, cancellationToken))
        {
            // The service ended the call before the whole file was sent (a refused header): its status says why.
            await answers;
            throw new UnexpectedAnswerException("the Agreement service ended the import before the whole file was sent.");
        }
        var outcome = await answers;
        progress.Finished(outcome);
        return outcome;
    }

    /// <summary>The header, then the file in chunks; each chunk counts as uploaded once it was sent.</summary>
    private static async IAsyncEnumerable<ImportIceListRequest> Messages(Options options, FileStream file,
        IImportProgress progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var total = file.Length;
        yield return new ImportIceListRequest
        {
            Header = new ImportHeader
            {
                Kind = options.Kind,
                AsOf = options.AsOf.ToTimestamp(),
                FileName = Path.GetFileName(options.FilePath),
            },
        };
        var buffer = new byte[ChunkSize];
        long sent = 0;
        progress.Uploaded(sent, total);
        int read;
        while ((read = await file.ReadAtLeastAsync(buffer, ChunkSize, throwOnEndOfStream: false, cancellationToken)) > 0)
        {
            yield return new ImportIceListRequest { Chunk = ByteString.CopyFrom(buffer, 0, read) };
            sent += read;
            progress.Uploaded(sent, total);
        }
    }

    private static async Task<ImportOutcome> ReadOutcomeAsync(IAsyncStreamReader<ImportIceListResponse> answers,
        IImportProgress progress, CancellationToken cancellationToken)
    {
        ImportOutcome? outcome = null;
        while (await answers.MoveNext(cancellationToken))
        {
            var answer = answers.Current;
            if (answer.PartCase == ImportIceListResponse.PartOneofCase.Progress)
            {
                progress.Imported(answer.Progress.RowsDone, answer.Progress.RowsTotal);
            }
            else if (answer.PartCase == ImportIceListResponse.PartOneofCase.Outcome)
            {
                outcome = answer.Outcome;
            }
        }
        return outcome ?? throw new UnexpectedAnswerException("the Agreement service ended the import without an outcome.");
    }
}
