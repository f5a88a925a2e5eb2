using System.Security.Cryptography;
using Program287g.Agreement.V1;

namespace Program287g.Cli.Commands;

/// <summary>One document downloaded into a folder under the name the service gives it. The bytes go to a temporary
/// file beside the target; only once what was written there hashes to the SHA-256 the agreement records is it moved
/// into place, so a failed or corrupt download leaves nothing behind and an existing file untouched.</summary>
public static class DocumentFile
{
    public sealed record Saved(string Path, DocumentHeader Header, long Bytes);

    public static async Task<Saved> DownloadAsync(AgreementService.AgreementServiceClient client, string agreementId,
        string sha256, string directory, bool force, CancellationToken cancellationToken)
    {
        using var call = client.DownloadDocument(new DownloadDocumentRequest { Sha256 = sha256, AgreementId = agreementId },
            cancellationToken: cancellationToken);
        if (!await call.ResponseStream.MoveNext(cancellationToken)
            || call.ResponseStream.Current.PartCase != DownloadDocumentResponse.PartOneofCase.Header)
        {
            throw new UnexpectedAnswerException($"the download of document {sha256} did not begin with its header.");
        }
        var header = call.ResponseStream.Current.Header;
        var name = PlainFileName(header.FileName)
            ?? throw new UnexpectedAnswerException($"the service named document {sha256} '{header.FileName}', which is not a plain file name.");
        var target = Path.Combine(directory, name);
        // Checked before the download to spare it; the move below refuses too, should the file appear meanwhile.
        if (!force && File.Exists(target))
        {
            throw new TargetExistsException(target);
        }
        var temporary = Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.partial");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None,
                bufferSize: 64 * 1024, useAsync: true))
            {
                while (await call.ResponseStream.MoveNext(cancellationToken))
                {
                    var part = call.ResponseStream.Current;
                    if (part.PartCase != DownloadDocumentResponse.PartOneofCase.Chunk)
                    {
                        throw new UnexpectedAnswerException($"the download of document {sha256} sent a second header.");
                    }
                    await file.WriteAsync(part.Chunk.Memory, cancellationToken);
                }
            }
            var (written, hash) = await HashAsync(temporary, cancellationToken);
            if (!string.Equals(hash, sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new UnexpectedAnswerException($"the {written} bytes received for {name} have SHA-256 {hash}, not {sha256.ToLowerInvariant()} " +
                    "as the agreement records: nothing saved.");
            }
            try
            {
                File.Move(temporary, target, overwrite: force);
            }
            catch (IOException) when (!force && File.Exists(target))
            {
                throw new TargetExistsException(target);
            }
            return new Saved(target, header, written);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The name if it is a plain file name, safe to join to the folder: no folder part, no "..", not hidden.</summary>
    public static string? PlainFileName(string name) =>
        name.Length > 0 && name.Length <= 255 && !name.StartsWith('.') && name == Path.GetFileName(name)
            && name.IndexOfAny(['\\', '/', ':', '\0']) < 0 && !name.Any(char.IsControl)
            ? name
            : null;

    /// <summary>What is on disk now, read back: the check is of what was written, not of what was received.</summary>
    private static async Task<(long Bytes, string Sha256)> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, useAsync: true);
        var hash = await SHA256.HashDataAsync(file, cancellationToken);
        return (file.Length, Convert.ToHexStringLower(hash));
    }
}

/// <summary>The file a document would be saved as exists, and --force was not given.</summary>
public sealed class TargetExistsException(string path) : Exception($"{path} exists; not replaced (--force replaces it).")
{
    public string Path { get; } = path;
}
