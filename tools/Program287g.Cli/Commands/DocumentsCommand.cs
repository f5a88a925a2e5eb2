using System.CommandLine;
using Grpc.Core;
using Program287g.Agreement.V1;
using Program287g.Cli.Output;

namespace Program287g.Cli.Commands;

/// <summary>program287g agreement documents &lt;id&gt; [--out dir] [--force]: saves each signed document the agreement
/// lists (letter of interest, MOA, addenda) whose bytes the service keeps, each checked against its SHA-256
/// (<see cref="DocumentFile"/>). Documents given by reference are listed with their link; the same bytes listed twice
/// are saved once.</summary>
public static class DocumentsCommand
{
    public sealed record Options(string AgreementId, string Directory, bool Force);

    /// <summary>What became of a listed document.</summary>
    public enum Status
    {
        /// <summary>Downloaded, checked and in place.</summary>
        Saved,
        /// <summary>Given by reference: the service keeps only its link and hash.</summary>
        Reference,
        /// <summary>The same bytes as a document saved before it.</summary>
        Same,
        /// <summary>Its file exists and --force was not given.</summary>
        Exists,
        /// <summary>The service refused it or sent bytes that are not the document.</summary>
        Failed,
    }

    public sealed record Outcome(string Label, DocumentKind Kind, DocumentRecord Record, string? AddendumId, Status Status,
        string? Path = null, DocumentHeader? Header = null, string? Error = null);

    public static Command Create(CommandContext context)
    {
        var id = new Argument<string>("id") { Description = "The agreement's id (as list prints it)" };
        var directory = new Option<DirectoryInfo?>("--out") { Description = "The folder to save into, made if missing [default: the current folder]" };
        var force = new Option<bool>("--force") { Description = "Replace files that already exist (without it they are left as they are)" };
        var command = new Command("documents",
            "Saves the agreement's signed documents (letter of interest, MOA, addenda), each checked against its SHA-256.")
        { id, directory, force };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, (client, output) =>
            RunAsync(client, new Options(parse.GetValue(id)!, parse.GetValue(directory)?.FullName ?? Environment.CurrentDirectory,
                parse.GetValue(force)), output, cancellationToken)));
        return command;
    }

    public static Task<int> RunAsync(AgreementService.AgreementServiceClient client, Options options, CliOutput output,
        CancellationToken cancellationToken) =>
        CommandGuard.RunAsync(output, async () =>
        {
            var agreement = (await client.GetAgreementAsync(new GetAgreementRequest { AgreementId = options.AgreementId },
                cancellationToken: cancellationToken)).Agreement;
            var directory = Directory.CreateDirectory(options.Directory).FullName;
            var outcomes = new List<Outcome>();
            foreach (var (label, kind, record, addendumId) in Listed(agreement))
            {
                outcomes.Add(await SaveAsync(client, agreement.AgreementId, label, kind, record, addendumId, outcomes, directory,
                    options.Force, output, cancellationToken));
            }
            DocumentOutcomesView.Write(agreement, directory, outcomes, output);
            return outcomes.Any(o => o.Status == Status.Failed) ? ExitCodes.Refused
                : outcomes.Any(o => o.Status == Status.Exists) ? ExitCodes.NotReplaced
                : ExitCodes.Ok;
        }, cancellationToken);

    private static IEnumerable<(string Label, DocumentKind Kind, DocumentRecord Record, string? AddendumId)> Listed(
        Agreement.V1.Agreement agreement)
    {
        if (agreement.LetterOfInterest is { } letter)
        {
            yield return ("letter of interest", DocumentKind.LetterOfInterest, letter, null);
        }
        if (agreement.AgencySignedMoa is { } moa)
        {
            yield return ("MOA", DocumentKind.Moa, moa, null);
        }
        for (var i = 0; i < agreement.Addenda.Count; i++)
        {
            if (agreement.Addenda[i].Document is { } document)
            {
                yield return ($"addendum {i + 1}", DocumentKind.Addendum, document, agreement.Addenda[i].AddendumId);
            }
        }
    }

    private static async Task<Outcome> SaveAsync(AgreementService.AgreementServiceClient client, string agreementId, string label,
        DocumentKind kind, DocumentRecord record, string? addendumId, IReadOnlyList<Outcome> earlier, string directory, bool force,
        CliOutput output, CancellationToken cancellationToken)
    {
        var listed = new Outcome(label, kind, record, addendumId, Status.Saved);
        if (record.Uri.Length > 0)
        {
            return listed with { Status = Status.Reference };
        }
        if (earlier.FirstOrDefault(o => o.Status == Status.Saved && o.Record.Sha256 == record.Sha256) is { } same)
        {
            return listed with { Status = Status.Same, Path = same.Path, Header = same.Header };
        }
        try
        {
            var saved = await DocumentFile.DownloadAsync(client, agreementId, record.Sha256, directory, force, cancellationToken);
            return listed with { Status = Status.Saved, Path = saved.Path, Header = saved.Header };
        }
        catch (TargetExistsException exception)
        {
            output.WriteError($"{label}: {exception.Message}");
            return listed with { Status = Status.Exists, Path = exception.Path, Error = exception.Message };
        }
        catch (RpcException exception) when (exception.StatusCode is not StatusCode.Cancelled && exception.Status.DebugException is null)
        {
            // The service refused this one (it lost the bytes, say): the others are still worth having.
            RpcErrorWriter.Write(exception, output, label);
            return listed with { Status = Status.Failed, Error = RpcErrorWriter.Summary(exception) };
        }
        catch (UnexpectedAnswerException exception)
        {
            output.WriteError($"{label}: {exception.Message}");
            return listed with { Status = Status.Failed, Error = exception.Message };
        }
    }
}
