using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Program287g.ServiceDefaults.Auth;

/// <summary>The "Auth" configuration section. The signing key comes from configuration (the AppHost passes its
/// generated jwt-signing-key parameter as Auth__SigningKey); there is deliberately no default.</summary>
public sealed class TokenSettings
{
    public const string SectionName = "Auth";

    /// <summary>HMAC-SHA256 needs at least 256 bits of key.</summary>
    public const int MinimumKeyLength = 32;

    [Required(ErrorMessage = "Auth:SigningKey is not configured. Run through the AppHost, or set Auth__SigningKey (32+ characters).")]
    [MinLength(MinimumKeyLength, ErrorMessage = "Auth:SigningKey must be at least 32 characters.")]
    public string SigningKey { get; set; } = "";

    public string Issuer { get; set; } = "program287g";

    public string Audience { get; set; } = "program287g";

    public SymmetricSecurityKey SecurityKey() => new(Encoding.UTF8.GetBytes(SigningKey));
}
