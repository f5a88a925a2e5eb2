using Google.Protobuf;
using Program287g.Agreement.V1;

namespace Program287g.Console.Components.Pages.Agreements.Actions;

public enum DocumentSource
{
    Upload,
    Reference,
}

/// <summary>A signed document as a dialog collects it: the PDF itself (read from an upload) or a link to where it is
/// kept with its SHA-256, and who signed it when.</summary>
public sealed class DocumentDraft
{
    /// <summary>As the service accepts a document's bytes.</summary>
    public const int MaxBytes = 3 * 1024 * 1024;

    public DocumentSource Source { get; set; } = DocumentSource.Upload;

    public ByteString? Data { get; set; }

    public string FileName { get; set; } = "";

    public string FileSha256 { get; set; } = "";

    public string Uri { get; set; } = "";

    public string Sha256 { get; set; } = "";

    public SignatureDraft Signature { get; } = new();

    /// <summary>Without the file or link chosen, the document goes without content and the service says which is missing.</summary>
    public SignedDocument ToProto()
    {
        var signature = Signature.ToProto();
        var document = new SignedDocument
        {
            SignerName = signature.SignerName,
            SignerTitle = signature.SignerTitle,
            SignedOn = signature.SignedOn,
        };
        if (Source == DocumentSource.Upload && Data is not null)
        {
            document.Data = Data;
        }
        else if (Source == DocumentSource.Reference)
        {
            document.Reference = new DocumentReference { Uri = Uri.Trim(), Sha256 = Sha256.Trim().ToLowerInvariant() };
        }
        return document;
    }

    /// <summary>The request fields a <see cref="DocumentInput"/> under <paramref name="prefix"/> shows errors for.</summary>
    public static IEnumerable<string> Fields(string prefix) =>
        [$"{prefix}.data", $"{prefix}.reference.uri", $"{prefix}.reference.sha256", .. SignatureDraft.Fields(prefix)];
}
