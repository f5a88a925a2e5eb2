using System.Runtime.CompilerServices;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Components.Forms;
using Program287g.Agreement.V1;
using Program287g.ServiceDefaults.Grpc;

namespace Program287g.Console.Components.Pages.IceLists;

/// <summary>Sends one of ICE's lists from the browser to the Agreement service's ImportIceList, as the CLI does: the
/// header, then the file in chunks, while reading the service's progress and, at the end, its outcome. The file goes
/// from the browser through the console to the service chunk by chunk; the console never holds it whole.</summary>
public static class IceListUpload
{
    /// <summary>The service's own limit (ICE's files are about 100 KB): a larger file is refused before it is sent.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>The most the service takes in one message.</summary>
    public const int ChunkSize = 1024 * 1024;

    /// <summary>A streaming call gets no default deadline (the 10 s one is for unary calls); an import of ICE's whole
    /// list takes seconds, and this leaves room for a slow link or a busy service.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    /// <summary>Uploads <paramref name="file"/>; <paramref name="uploaded"/> hears (bytes sent, bytes in all) and
    /// <paramref name="imported"/> the service's (rows done, rows in all). Throws the service's RpcException when it
    /// refuses the file.</summary>
    public static async Task<ImportOutcome> SendAsync(AgreementService.AgreementServiceClient agreements, IBrowserFile file,
        ImportHeader header, Func<long, long, Task> uploaded, Func<int, int, Task> imported, CancellationToken cancellationToken)
    {
        using var call = agreements.ImportIceList(deadline: DateTime.UtcNow + Deadline, cancellationToken: cancellationToken);
        // Answers are read while the file goes up: the service may refuse (its header, the caller's role) before the end.
        var answers = ReadOutcomeAsync(call.ResponseStream, imported, cancellationToken);
        if (!await call.RequestStream.SendAllAsync(Messages(file, header, uploaded, cancellationToken), answers, cancellationToken))
        {
            // The service ended the call before the whole file was sent: its status (thrown by the answers) says why.
            await answers;
            throw new RpcException(new Status(StatusCode.Internal, "The Agreement service ended the import before the whole file was sent."));
        }
        return await answers;
    }

    /// <summary>The header, then the browser's file in chunks; each chunk counts as uploaded once it was sent.</summary>
    private static async IAsyncEnumerable<ImportIceListRequest> Messages(IBrowserFile file, ImportHeader header,
        Func<long, long, Task> uploaded, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new ImportIceListRequest { Header = header };
        await using var stream = file.OpenReadStream(MaxBytes, cancellationToken);
        var buffer = new byte[ChunkSize];
        long sent = 0;
        int read;
        while ((read = await stream.ReadAtLeastAsync(buffer, ChunkSize, throwOnEndOfStream: false, cancellationToken)) > 0)
        {
            yield return new ImportIceListRequest { Chunk = ByteString.CopyFrom(buffer, 0, read) };
            sent += read;
            await uploaded(sent, file.Size);
        }
    }

    private static async Task<ImportOutcome> ReadOutcomeAsync(IAsyncStreamReader<ImportIceListResponse> answers,
        Func<int, int, Task> imported, CancellationToken cancellationToken)
    {
        ImportOutcome? outcome = null;
        while (await answers.MoveNext(cancellationToken))
        {
            var answer = answers.Current;
            if (answer.PartCase == ImportIceListResponse.PartOneofCase.Progress)
            {
                await imported(answer.Progress.RowsDone, answer.Progress.RowsTotal);
            }
            else if (answer.PartCase == ImportIceListResponse.PartOneofCase.Outcome)
            {
                outcome = answer.Outcome;
            }
        }
        return outcome ?? throw new RpcException(new Status(StatusCode.Internal, "The Agreement service ended the import without an outcome."));
    }

    /// <summary>ICE names its files participatingAgencies_2025-03-27.xlsx and pendingAgencies_2025-03-27.xlsx.</summary>
    public static IceListKind? KindFromFileName(string fileName) =>
        fileName.StartsWith("participating", StringComparison.OrdinalIgnoreCase) ? IceListKind.Participating
        : fileName.StartsWith("pending", StringComparison.OrdinalIgnoreCase) ? IceListKind.Pending
        : null;

    private static readonly TimeZoneInfo Eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>ICE writes "As of March 27, 2025, at 3 p.m." in Eastern time: the picked day and time are read as Eastern.</summary>
    public static Google.Protobuf.WellKnownTypes.Timestamp? AsOf(DateTime? day, TimeSpan? time)
    {
        if (day is not { } date)
        {
            return null;
        }
        var local = DateTime.SpecifyKind(date.Date + (time ?? TimeSpan.Zero), DateTimeKind.Unspecified);
        return Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(local, Eastern.GetUtcOffset(local)));
    }
}
