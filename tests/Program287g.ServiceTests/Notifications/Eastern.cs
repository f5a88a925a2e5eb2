using Microsoft.Extensions.Time.Testing;
using Google.Protobuf.WellKnownTypes;

namespace Program287g.ServiceTests.Notifications;

/// <summary>Moments on the program's clock face (Eastern time), and clocks that stand still at one until a test moves them.</summary>
public static class Eastern
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static FakeTimeProvider Clock(int year, int month, int day, int hour = 0, int minute = 0) => new(At(year, month, day, hour, minute));

    public static Timestamp Stamp(int year, int month, int day, int hour = 0, int minute = 0) =>
        Timestamp.FromDateTimeOffset(At(year, month, day, hour, minute));
}
