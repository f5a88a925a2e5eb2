using System.Buffers.Text;
using System.Text.Json;
using Program287g.Agreement.Data;
using Program287g.ServiceDefaults.Errors;

namespace Program287g.Agreement.Grpc;

/// <summary>Opaque page tokens for the lists: the keyset cursor, the filters and the pinned "as of" moment,
/// base64url-encoded JSON. A token replayed with other filters is refused; its moment keeps every page of one
/// listing describing the same instant.</summary>
internal static class ListPageToken
{
    private sealed record Payload(string S, string N, string M, Guid I, string F, DateTimeOffset A);

    public static string Encode(ListCursor cursor, string filterKey, DateTimeOffset asOf) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(
            new Payload(cursor.State, cursor.SortName, cursor.Model, cursor.Id, filterKey, asOf)));

    public static (ListCursor Cursor, DateTimeOffset AsOf)? Decode(string token, string filterKey)
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
        if (payload?.S is null || payload.N is null || payload.M is null || payload.F is null
            || $"{payload.S}{payload.N}{payload.M}".Contains('\0'))
        {
            throw RpcErrors.InvalidArgument("page_token", "'page_token' is not a token this service issued.");
        }
        return payload.F == filterKey
            ? (new ListCursor(payload.S, payload.N, payload.M, payload.I), payload.A)
            : throw RpcErrors.InvalidArgument("page_token", "'page_token' belongs to a listing with other filters.");
    }
}
