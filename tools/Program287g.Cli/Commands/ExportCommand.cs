using System.CommandLine;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Program287g.Agreement.V1;
using Program287g.Cli.Output;
using Program287g.Cli.Parsing;

namespace Program287g.Cli.Commands;

/// <summary>program287g export participating|pending &lt;out.xlsx&gt;: ICE's list, with ICE's columns, as the service
/// keeps it. The download goes to a temporary file beside the target and is moved into place only when complete,
/// so a failed download leaves no half file.</summary>
public static class ExportCommand
{
    public sealed record Options(IceListKind Kind, string OutputPath, DateTimeOffset? AsOf);

    public sealed record Result(string Path, long Bytes, ExportHeader? Header);

    public static Command Create(CommandContext context)
    {
        var kind = new Argument<IceListKind>("list") { Description = "Which of ICE's lists", HelpName = "participating|pending", CustomParser = Choices.ParseKind };
        var file = new Argument<FileInfo>("file") { Description = "Where to write the xlsx (replaced if it exists)" };
        file.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo>() is { Directory: { Exists: false } directory })
            {
                result.AddError($"The folder '{directory.FullName}' does not exist.");
            }
        });
        var asOf = AsOf.MomentOption("The moment the list describes; now when not given.");
        var command = new Command("export", "Writes ICE's participating or pending list as xlsx, with ICE's columns.") { kind, file, asOf };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, (client, output) =>
            RunAsync(client, new Options(parse.GetValue(kind), parse.GetValue(file)!.FullName, parse.GetValue(asOf)),
                output, cancellationToken)));
        return command;
    }

    public static Task<int> RunAsync(AgreementService.AgreementServiceClient client, Options options, CliOutput output,
        CancellationToken cancellationToken) =>
        CommandGuard.RunAsync(output, async () =>
        {
            var result = await DownloadAsync(client, options, cancellationToken);
            if (output.Json)
            {
                output.WriteJson(new JsonObject
                {
                    ["kind"] = Formats.ShortName(options.Kind),
                    ["path"] = result.Path,
                    ["bytes"] = result.Bytes,
                    ["fileName"] = result.Header?.FileName,
                    ["asOf"] = ProtoJson.From(result.Header?.AsOf),
                    ["rows"] = result.Header?.Rows,
                });
            }
            else
            {
                var rows = result.Header is { } header ? Formats.Count(header.Rows) : "?";
                output.Out.WriteLine($"Wrote the {Formats.ShortName(options.Kind)!.ToLowerInvariant()} list as of " +
                    $"{Formats.Human(result.Header?.AsOf ?? (Timestamp?)null)}: {rows} rows, {Formats.Bytes(result.Bytes)}, " +
                    $"to {result.Path}");
            }
            return ExitCodes.Ok;
        }, cancellationToken);

    public static async Task<Result> DownloadAsync(AgreementService.AgreementServiceClient client, Options options,
        CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(options.OutputPath);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            ExportHeader? header = null;
            long bytes = 0;
            using var call = client.ExportIceList(
                new ExportIceListRequest { Kind = options.Kind, AsOf = options.AsOf.ToTimestamp() },
                cancellationToken: cancellationToken);
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None,
                bufferSize: 64 * 1024, useAsync: true))
            {
                while (await call.ResponseStream.MoveNext(cancellationToken))
                {
                    var part = call.ResponseStream.Current;
                    if (part.PartCase == ExportIceListResponse.PartOneofCase.Header)
                    {
                        header = part.Header;
                    }
                    else if (part.PartCase == ExportIceListResponse.PartOneofCase.Chunk)
                    {
                        await file.WriteAsync(part.Chunk.Memory, cancellationToken);
                        bytes += part.Chunk.Length;
                    }
                }
            }
            File.Move(temporary, target, overwrite: true);
            return new Result(target, bytes, header);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
