using System.Buffers.Text;
using System.Text.Json;
using Program287g.Agency.Domain;
using Program287g.ServiceDefaults.Errors;

namespace Program287g.Agency.Grpc;

/// <summary>Opaque page tokens: the keyset cursor and the filters it belongs to, base64url-encoded JSON. Opaque so
/// callers cannot build them; bound to the filters so a token cannot be replayed against other filters.</summary>
internal static class PageToken
{
    private sealed record Payload(string N, Guid I, string F);

    public static string Encode(AgencyCursor cursor, AgencyFilter filter) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Payload(cursor.NormalizedName, cursor.Id, filter.Key)));

    public static AgencyCursor? Decode(string token, AgencyFilter filter)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(token));
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            throw RpcErrors.InvalidArgument("page_token", "'page_token' is not a token this service issued.");
        }
        if (payload is null || payload.N is null || payload.N.Contains('\0'))
        {
            throw RpcErrors.InvalidArgument("page_token", "'page_token' is not a token this service issued.");
        }
        return payload.F == filter.Key
            ? new AgencyCursor(payload.N, payload.I)
            : throw RpcErrors.InvalidArgument("page_token", "'page_token' belongs to a listing with other filters.");
    }
}
