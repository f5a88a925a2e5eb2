using Google.Protobuf.WellKnownTypes;
using ProtoDate = Google.Type.Date;

namespace Program287g.ServiceDefaults.Grpc;

/// <summary>Between the proto date and time types and .NET's. Dates are program dates (google.type.Date, no zone);
/// instants are stored in UTC.</summary>
public static class ProtoTime
{
    /// <summary>Null for an unset or impossible date; validators refuse those before this is called where one is required.</summary>
    public static DateOnly? ToDateOnly(this ProtoDate? date) =>
        date is null || date.Year is < 1 or > 9999 || date.Month is < 1 or > 12 || date.Day < 1
            || date.Day > DateTime.DaysInMonth(date.Year, date.Month)
            ? null
            : new DateOnly(date.Year, date.Month, date.Day);

    public static ProtoDate ToProtoDate(this DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static Timestamp ToTimestamp(DateTime utc) => Timestamp.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
