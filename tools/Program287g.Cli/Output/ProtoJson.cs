using System.Collections;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Date = Google.Type.Date;

namespace Program287g.Cli.Output;

/// <summary>Any response as JSON for scripts: every field under its lowerCamel proto JSON name (unset messages as
/// null, so the shape never changes), timestamps as ISO 8601 UTC, google.type.Date as YYYY-MM-DD, enums by their
/// short names, int64 as numbers. Protobuf's own JsonFormatter would print MODEL_JEM and {"year":...}.</summary>
public static class ProtoJson
{
    public static JsonNode? From(IMessage? message) => message switch
    {
        null => null,
        Timestamp timestamp => Formats.Iso(timestamp),
        Date date => Formats.Iso(date),
        _ => Object(message),
    };

    public static JsonArray Array(IEnumerable<IMessage> messages) => [.. messages.Select(From)];

    private static JsonObject Object(IMessage message)
    {
        var json = new JsonObject();
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            // Of a oneof, only the part that is set.
            if (field.RealContainingOneof is { } oneof && oneof.Accessor.GetCaseFieldDescriptor(message) != field)
            {
                continue;
            }
            var value = field.Accessor.GetValue(message);
            json[field.JsonName] = field.IsRepeated
                ? new JsonArray([.. ((IEnumerable)value).Cast<object>().Select(item => Value(field, item))])
                : Value(field, value);
        }
        return json;
    }

    private static JsonNode? Value(FieldDescriptor field, object value) => field.FieldType switch
    {
        FieldType.Message or FieldType.Group => From((IMessage?)value),
        FieldType.Enum => Formats.ShortName(value as System.Enum ?? (System.Enum)System.Enum.ToObject(field.EnumType.ClrType, value)),
        FieldType.Bytes => Convert.ToBase64String(((ByteString)value).Span),
        _ => value switch
        {
            string text => JsonValue.Create(text),
            bool flag => JsonValue.Create(flag),
            int number => JsonValue.Create(number),
            long number => JsonValue.Create(number),
            uint number => JsonValue.Create(number),
            ulong number => JsonValue.Create(number),
            double number => JsonValue.Create(number),
            float number => JsonValue.Create(number),
            _ => throw new NotSupportedException($"Field {field.FullName} of type {field.FieldType}."),
        },
    };
}
