using Google.Protobuf.WellKnownTypes;
using Date = Google.Type.Date;

namespace Program287g.Cli.Parsing;

/// <summary>Parsed options as request fields; an option not given stays unset (the service's "now" or "today").</summary>
public static class ProtoValues
{
    public static Timestamp? ToTimestamp(this DateTimeOffset? moment) =>
        moment is { } value ? Timestamp.FromDateTimeOffset(value) : null;

    public static Date? ToDate(this DateOnly? day) =>
        day is { } value ? new Date { Year = value.Year, Month = value.Month, Day = value.Day } : null;
}
