using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Program287g.ServiceTests.Fuzz;

/// <summary>Requests built from a message's descriptor with random and boundary values in every field: empty, blank,
/// huge, NUL-bearing and hostile strings, ids that name real records of two agencies, extreme and negative numbers,
/// undefined enum values, impossible dates and timestamps, missing and half-filled nested messages. Seeded, so a
/// failure can be replayed.</summary>
public sealed class RandomMessages(int seed, IReadOnlyList<string> knownIds)
{
    private const int MaxDepth = 4;
    private readonly Random _random = new(seed);

    private static readonly string[] Strings =
    [
        "", " ", "a", "TX", "tx", "Texas", "ZZ", "\0", "x\0y", "héllo ☃ 𝄞", new string('n', 201), new string('r', 2001),
        new string('w', 100_000), "00000000-0000-0000-0000-000000000000", "not-a-uuid", "jo.contact@example.gov", "not an email",
        "'; DROP TABLE agencies; --", "%", "_", "\\", "jem-basic", "final", "link pending", "https://www.ice.gov/doclib/x.pdf",
        "2026-01-01", "Harris County Sheriff's Office", "CoreCivic, Inc.", "bm90IGEgdG9rZW4", "eyJDIjp7fSwiRiI6IiJ9", "***", "\u202e",
    ];

    private static readonly long[] Integers = [0, 1, -1, 2, 49, 50, 70, 100, 101, 500, 501, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue];

    public IMessage Next(MessageDescriptor descriptor, int depth = 0)
    {
        var message = descriptor.Parser.ParseFrom(ByteString.Empty);
        if (descriptor.FullName == Timestamp.Descriptor.FullName)
        {
            return new Timestamp { Seconds = Pick([0, -62135596801, 253402300800, 1_767_225_600, DateTimeOffset.UtcNow.ToUnixTimeSeconds()]), Nanos = (int)Pick([0, -1, 999_999_999, 1_000_000_000]) };
        }
        if (descriptor.FullName == "google.type.Date")
        {
            var date = new Google.Type.Date
            {
                Year = (int)Pick([0, 1, 1900, 1985, 2024, 2025, 2026, 9999, 10000, -5]),
                Month = (int)Pick([0, 1, 2, 3, 12, 13, -1]),
                Day = (int)Pick([0, 1, 15, 28, 29, 30, 31, 32]),
            };
            return date;
        }
        var chosenOneofs = new HashSet<OneofDescriptor>();
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (field.IsMap || _random.NextDouble() < 0.15)
            {
                continue; // left unset
            }
            if (field.RealContainingOneof is { } oneof && !chosenOneofs.Add(oneof))
            {
                continue;
            }
            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                for (var i = _random.Next(0, 4); i > 0; i--)
                {
                    if (Value(field, depth) is { } item)
                    {
                        list.Add(item);
                    }
                }
            }
            else if (Value(field, depth) is { } value)
            {
                field.Accessor.SetValue(message, value);
            }
        }
        return message;
    }

    /// <summary>The known values that are documents' hashes: a random string is never one.</summary>
    private readonly string[] _knownHashes = [.. knownIds.Where(id => id.Length == 64)];

    private object? Value(FieldDescriptor field, int depth) => field.FieldType switch
    {
        // Half the time a real document's hash, or DownloadDocument would hardly ever get past its validation.
        FieldType.String when field.Name == "sha256" && _knownHashes.Length > 0 && _random.NextDouble() < 0.5 =>
            _knownHashes[_random.Next(_knownHashes.Length)],
        FieldType.String => _random.NextDouble() < 0.3 && knownIds.Count > 0 ? knownIds[_random.Next(knownIds.Count)] : Strings[_random.Next(Strings.Length)],
        FieldType.Bool => _random.Next(2) == 1,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => (int)Math.Clamp(Pick(Integers), int.MinValue, int.MaxValue),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Pick(Integers),
        FieldType.UInt32 or FieldType.Fixed32 => (uint)Math.Clamp(Pick(Integers), 0, uint.MaxValue),
        FieldType.UInt64 or FieldType.Fixed64 => (ulong)Math.Max(0, Pick(Integers)),
        FieldType.Double => Pick([0, -1, 1e300, double.NaN, double.PositiveInfinity]),
        FieldType.Float => (float)Pick([0, -1, 3e38, double.NaN]),
        FieldType.Enum => System.Enum.ToObject(field.EnumType.ClrType,
            _random.NextDouble() < 0.8 ? field.EnumType.Values[_random.Next(field.EnumType.Values.Count)].Number : Pick([99, -1, 1000])),
        FieldType.Bytes => Bytes(),
        FieldType.Message => depth >= MaxDepth ? null : Next(field.MessageType, depth + 1),
        _ => null,
    };

    private ByteString Bytes() => _random.Next(5) switch
    {
        0 => ByteString.Empty,
        1 => ByteString.CopyFromUtf8("%PDF-1.7 random document"),
        2 => ByteString.CopyFrom(RandomBytes(4096)),
        3 => ByteString.CopyFrom(RandomBytes(3 * 1024 * 1024 + 1)),
        _ => ByteString.CopyFrom([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]),
    };

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(T[] choices) => choices[_random.Next(choices.Length)];
}
