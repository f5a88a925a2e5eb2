using Program287g.Agreement.V1;

namespace Program287g.Console.Components.Pages.Agreements.Actions;

/// <summary>ICE's signature as a dialog collects it.</summary>
public sealed class SignatureDraft
{
    public string SignerName { get; set; } = "";

    public string SignerTitle { get; set; } = "";

    public DateTime? SignedOn { get; set; }

    public Signature ToProto() => new()
    {
        SignerName = SignerName.Trim(),
        SignerTitle = SignerTitle.Trim(),
        SignedOn = Labels.ToProto(SignedOn),
    };

    /// <summary>The request fields a <see cref="SignatureInput"/> under <paramref name="prefix"/> shows errors for.</summary>
    public static IEnumerable<string> Fields(string prefix) =>
        [$"{prefix}.signer_name", $"{prefix}.signer_title", $"{prefix}.signed_on"];
}
