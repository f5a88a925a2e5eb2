using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using Program287g.Agreement.Data;
using Program287g.Agreement.V1;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Errors;

namespace Program287g.Agreement.Grpc;

/// <summary>The signed documents the service keeps, read back by their hash.</summary>
public sealed partial class AgreementGrpcService
{
    public override async Task DownloadDocument(DownloadDocumentRequest request,
        IServerStreamWriter<DownloadDocumentResponse> responseStream, ServerCallContext context)
    {
        var sha256 = request.Sha256.Trim().ToLowerInvariant();
        var caller = Caller.From(context);
        Guid? agreementId = request.AgreementId.Length == 0 ? null : Guid.Parse(request.AgreementId);
        // An agency user is answered with its own agency's agreement where the same bytes belong to several.
        Guid? ownAgency = caller.IsAgencyUser && Guid.TryParse(caller.AgencyId, out var agency) ? agency : null;
        var holder = await documents.FindHolderAsync(sha256, agreementId, ownAgency, context.CancellationToken);
        if (holder?.SizeBytes is not { } size)
        {
            throw RpcErrors.NotFound("document", sha256);
        }
        caller.EnsureMayActFor(holder.AgencyId.ToString());

        var chunk = await documents.ReadChunkAsync(sha256, 0, ChunkSize, context.CancellationToken);
        await responseStream.WriteAsync(new DownloadDocumentResponse { Header = Header(holder, sha256, size, chunk) },
            context.CancellationToken);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var sent = 0;
        while (chunk.Length > 0)
        {
            hash.AppendData(chunk);
            await responseStream.WriteAsync(new DownloadDocumentResponse { Chunk = UnsafeByteOperations.UnsafeWrap(chunk) },
                context.CancellationToken);
            sent += chunk.Length;
            chunk = sent < size ? await documents.ReadChunkAsync(sha256, sent, ChunkSize, context.CancellationToken) : [];
        }
        // The stream ends in error rather than OK if what went out is not the document its hash names.
        if (sent != size || Convert.ToHexStringLower(hash.GetHashAndReset()) != sha256)
        {
            throw new InvalidOperationException($"Document {sha256}: the stored bytes do not match their hash or size.");
        }
    }

    private static DocumentHeader Header(DocumentHolder holder, string sha256, long size, ReadOnlySpan<byte> start)
    {
        // Nothing records a document's type: the bytes say whether it is a PDF, as the proto asks documents to be.
        var pdf = start.StartsWith("%PDF-"u8);
        var extension = pdf ? ".pdf" : ".bin";
        var (kind, name) = holder.Kind switch
        {
            DocumentHolder.LetterOfInterest => (DocumentKind.LetterOfInterest, "letter-of-interest"),
            DocumentHolder.Moa => (DocumentKind.Moa, "moa"),
            _ => (DocumentKind.Addendum, $"addendum-{holder.AddendumNumber}"),
        };
        return new DocumentHeader
        {
            Kind = kind,
            FileName = $"{holder.ReferenceNumber}-{name}{extension}",
            ContentType = pdf ? "application/pdf" : "application/octet-stream",
            SizeBytes = size,
            Sha256 = sha256,
            AgreementId = holder.AgreementId.ToString(),
            AgencyId = holder.AgencyId.ToString(),
            AddendumId = holder.AddendumId?.ToString() ?? "",
        };
    }
}
