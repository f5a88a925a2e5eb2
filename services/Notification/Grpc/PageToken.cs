using System.Buffers.Text;
using System.Text.Json;
using Program287g.Notification.Data;
using Program287g.ServiceDefaults.Errors;

namespace Program287g.Notification.Grpc;

/// <summary>Opaque page tokens for the lists, in the Agreement service's style: the keyset cursor, the filters and
/// the moment timeliness is judged at, base64url-encoded JSON. A token replayed with other filters is refused; its
/// moment keeps every page of one listing judging "overdue" at the same instant.</summary>
internal static class PageToken
{
    private sealed record Payload(DateTime R, Guid I, string F, DateTimeOffset A);

    public static string Encode(ListCursor cursor, string filterKey, DateTimeOffset asOf) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Payload(cursor.ReceivedAt, cursor.Id, filterKey, asOf)));

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
            throw NotOurs();
        }
        if (payload?.F is null || payload.I == Guid.Empty)
        {
            throw NotOurs();
        }
        return payload.F == filterKey
            ? (new ListCursor(DateTime.SpecifyKind(payload.R, DateTimeKind.Utc), payload.I), payload.A)
            : throw RpcErrors.InvalidArgument("page_token", "'page_token' belongs to a listing with other filters.");
    }

    private static global::Grpc.Core.RpcException NotOurs() => RpcErrors.InvalidArgument("page_token", "'page_token' is not a token this service issued.");
}
