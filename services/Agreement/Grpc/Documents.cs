using System.Security.Cryptography;
using Program287g.Agreement.Data;
using Program287g.Agreement.Domain;
using Program287g.Agreement.V1;
using Program287g.ServiceDefaults.Grpc;

namespace Program287g.Agreement.Grpc;

/// <summary>A submitted signed document, as recorded: bytes are hashed here and kept by hash; a reference keeps its
/// link and the hash the caller gave.</summary>
internal static class Documents
{
    public static (DocumentInfo Info, StoredDocument? Stored) Take(SignedDocument document)
    {
        var signedOn = document.SignedOn.ToDateOnly()!.Value;
        if (document.ContentCase == SignedDocument.ContentOneofCase.Data)
        {
            var bytes = document.Data.ToByteArray();
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
            return (new DocumentInfo(document.SignerName.Trim(), document.SignerTitle.Trim(), signedOn, null, sha256, bytes.Length),
                new StoredDocument(sha256, bytes));
        }
        var reference = document.Reference;
        return (new DocumentInfo(document.SignerName.Trim(), document.SignerTitle.Trim(), signedOn, reference.Uri.Trim(),
            reference.Sha256.Trim().ToLowerInvariant(), 0), null);
    }
}
