namespace Program287g.Persistence;

/// <summary>PostgreSQL keeps timestamps to the microsecond: a time is stored as the database will give it back, so a
/// read equals the answer to the write that stored it.</summary>
public static class DatabaseTime
{
    public static DateTime ToStoredPrecision(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % 10, DateTimeKind.Utc);
}
