using Google.Protobuf;
using Google.Protobuf.Reflection;
using Program287g.ServiceDefaults.Errors;

namespace Program287g.ServiceDefaults.Grpc;

/// <summary>Finds text fields holding a NUL character anywhere in a request. PostgreSQL text cannot store NUL, so such
/// input would fail deep in a write as an internal error; it is refused up front instead, naming each field by its
/// proto path (e.g. "letter_of_interest.signer_name", "agencies[2].name").</summary>
public static class TextFieldGuard
{
    /// <summary>Enough to act on, and few enough that the error fits in the response trailers.</summary>
    public const int MaxErrors = 100;

    public static IReadOnlyList<FieldError> Check(IMessage message)
    {
        var errors = new List<FieldError>();
        Walk(message, "", errors);
        return errors;
    }

    private static void Walk(IMessage message, string prefix, List<FieldError> errors)
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            var path = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            if (field.IsRepeated && value is System.Collections.IList list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    Visit(field, list[i], $"{path}[{i}]", errors);
                }
            }
            else if (!field.IsMap)
            {
                Visit(field, value, path, errors);
            }
        }
    }

    private static void Visit(FieldDescriptor field, object? value, string path, List<FieldError> errors)
    {
        switch (field.FieldType)
        {
            case FieldType.String when value is string text && text.Contains('\0') && errors.Count < MaxErrors:
                errors.Add(new FieldError(path, $"'{path}' must not contain NUL characters."));
                break;
            case FieldType.Message when value is IMessage nested:
                Walk(nested, path + ".", errors);
                break;
        }
    }
}
