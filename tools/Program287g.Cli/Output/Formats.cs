using System.Globalization;
using System.Reflection;
using Google.Protobuf.Reflection;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Date = Google.Type.Date;

namespace Program287g.Cli.Output;

/// <summary>How values read: ISO 8601 for scripts (timestamps in UTC, dates as YYYY-MM-DD), local time for people,
/// and enums by their short names (MODEL_JEM is JEM, AGREEMENT_STATUS_ACTIVE is ACTIVE).</summary>
public static class Formats
{
    public static string Iso(Timestamp timestamp) =>
        timestamp.ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static string? Iso(Date? date) =>
        date is null || (date.Year == 0 && date.Month == 0 && date.Day == 0)
            ? null
            : $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}";

    public static string Human(Timestamp? timestamp) =>
        timestamp is null
            ? "-"
            : timestamp.ToDateTimeOffset().ToLocalTime().ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    public static string Human(Date? date) => Iso(date) ?? "-";

    public static string Human(Enum value) => ShortName(value) ?? "-";

    /// <summary>The proto name without the enum's prefix; null for the zero value, which means "not set".</summary>
    public static string? ShortName(Enum value)
    {
        var type = value.GetType();
        var name = OriginalName(type, value);
        var zero = OriginalName(type, Enum.ToObject(type, 0));
        if (zero is not null && zero.EndsWith("_UNSPECIFIED", StringComparison.Ordinal))
        {
            if (name == zero)
            {
                return null;
            }
            var prefix = zero[..^"UNSPECIFIED".Length];
            if (name is not null && name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return name[prefix.Length..];
            }
        }
        return name ?? Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
    }

    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MiB"),
    };

    private static string? OriginalName(Type type, object value) =>
        Enum.GetName(type, value) is { } member
            ? type.GetField(member)?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? member
            : null;
}
