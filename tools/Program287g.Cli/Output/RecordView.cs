using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;
using Date = Google.Type.Date;

namespace Program287g.Cli.Output;

/// <summary>Any record for people, one line per field that is set ("officer.familyName", "training.exams[1].passed"),
/// with the values as <see cref="Formats"/> reads them; empty strings and unset messages are left out.</summary>
public static class RecordView
{
    public static void Write(IMessage? message, CliOutput output)
    {
        if (message is null)
        {
            output.Out.WriteLine("-");
            return;
        }
        var grid = new Grid().AddColumn().AddColumn();
        foreach (var (label, value) in Lines("", message))
        {
            grid.AddRow(new Text(label), new Text(value));
        }
        output.Console.Write(grid);
    }

    public static IEnumerable<(string Label, string Value)> Lines(string prefix, IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.RealContainingOneof is { } oneof && oneof.Accessor.GetCaseFieldDescriptor(message) != field)
            {
                continue;
            }
            var label = prefix + field.JsonName;
            var value = field.Accessor.GetValue(message);
            if (field.IsRepeated)
            {
                var items = ((IEnumerable)value).Cast<object>().ToList();
                if (field.FieldType is FieldType.Message && items.Count > 0 && !IsValue(items[0]))
                {
                    for (var i = 0; i < items.Count; i++)
                    {
                        foreach (var line in Lines($"{label}[{i}].", (IMessage)items[i]))
                        {
                            yield return line;
                        }
                    }
                }
                else if (items.Count > 0)
                {
                    yield return (label, string.Join(", ", items.Select(item => Text(field, item))));
                }
                continue;
            }
            if (value is IMessage nested && !IsValue(nested))
            {
                foreach (var line in Lines(label + ".", nested))
                {
                    yield return line;
                }
                continue;
            }
            if (value is null or "")
            {
                continue;
            }
            yield return (label, Text(field, value));
        }
    }

    private static bool IsValue(object item) => item is Timestamp or Date;

    private static string Text(FieldDescriptor field, object value) => value switch
    {
        Timestamp timestamp => Formats.Human(timestamp),
        Date date => Formats.Human(date),
        System.Enum member => Formats.Human(member),
        int number when field.FieldType is FieldType.Enum =>
            Formats.Human((System.Enum)System.Enum.ToObject(field.EnumType.ClrType, number)),
        bool flag => flag ? "yes" : "no",
        ByteString bytes => Formats.Bytes(bytes.Length),
        IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
