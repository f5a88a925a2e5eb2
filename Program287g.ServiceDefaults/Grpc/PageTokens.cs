using System.Buffers.Text;
using System.Text.Json;
using Program287g.ServiceDefaults.Errors;

namespace Program287g.ServiceDefaults.Grpc;

/// <summary>Opaque page tokens for keyset-paged lists: the cursor (the last row's sort key) and the filters it belongs
/// to, base64url-encoded JSON. Opaque, so callers cannot build them; bound to the filters, so a token replayed with
/// other filters is refused rather than silently paging another listing.</summary>
public static class PageTokens
{
    private sealed record Envelope<TCursor>(TCursor C, string F);

    private const string NotIssued = "'page_token' is not a token this service issued.";

    public static string Encode<TCursor>(TCursor cursor, string filterKey) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Envelope<TCursor>(cursor, filterKey)));

    /// <summary>The cursor, or null for an empty token (the first page). INVALID_ARGUMENT on 'page_token' for a token
    /// this service did not issue, one whose cursor <paramref name="isWellFormed"/> refuses (missing parts, NUL
    /// characters PostgreSQL cannot compare), or one issued for other filters.</summary>
    public static TCursor? Decode<TCursor>(string token, string filterKey, Func<TCursor, bool> isWellFormed) where TCursor : class
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        Envelope<TCursor>? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope<TCursor>>(Base64Url.DecodeFromChars(token));
        }
        catch (Exception exception) when (exception is FormatException or JsonException or ArgumentException)
        {
            throw RpcErrors.InvalidArgument("page_token", NotIssued);
        }
        if (envelope?.C is null || envelope.F is null || !isWellFormed(envelope.C))
        {
            throw RpcErrors.InvalidArgument("page_token", NotIssued);
        }
        return envelope.F == filterKey
            ? envelope.C
            : throw RpcErrors.InvalidArgument("page_token", "'page_token' belongs to a listing with other filters.");
    }
}
