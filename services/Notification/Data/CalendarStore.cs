using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using Program287g.Notification.Domain;

namespace Program287g.Notification.Data;

/// <summary>A closure as recorded.</summary>
public sealed record ClosureRecord
{
    public required DateOnly Day { get; init; }
    public required string Reason { get; init; }
    public required string AddedBy { get; init; }
    public required DateTime AddedAt { get; init; }
}

/// <summary>The business-day calendar as it stands: the zone from configuration and the closures from the database,
/// read afresh for every decision (a few rows), so every instance of the service sees a closure the moment it commits.</summary>
public sealed class CalendarStore(NpgsqlDataSource dataSource, IOptions<CalendarOptions> options)
{
    private readonly TimeZoneInfo _zone = options.Value.Zone();

    public TimeZoneInfo Zone => _zone;

    public async Task<BusinessCalendar> CurrentAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return Calendar(await ClosuresAsync(connection, null, null, cancellationToken));
    }

    /// <summary>The calendar inside a transaction that may itself have changed the closures.</summary>
    public async Task<BusinessCalendar> CurrentAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        Calendar(await ClosuresAsync(transaction.Connection!, transaction, null, cancellationToken));

    public async Task<IReadOnlyList<ClosureRecord>> ListAsync(int? year, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ClosuresAsync(connection, null, year, cancellationToken);
    }

    /// <summary>Records a closure; false when the day is closed already.</summary>
    public static async Task<bool> AddAsync(NpgsqlTransaction transaction, ClosureRecord closure, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO closures (day, reason, added_by, added_at) VALUES (@Day, @Reason, @AddedBy, @AddedAt)
            ON CONFLICT (day) DO NOTHING
            """, closure, transaction, cancellationToken: cancellationToken)) == 1;

    /// <summary>Removes a closure and returns it; null when the day was not closed.</summary>
    public static Task<ClosureRecord?> RemoveAsync(NpgsqlTransaction transaction, DateOnly day, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<ClosureRecord>(new CommandDefinition("""
            DELETE FROM closures WHERE day = @day
            RETURNING day AS Day, reason AS Reason, added_by AS AddedBy, added_at AS AddedAt
            """, new { day }, transaction, cancellationToken: cancellationToken));

    private BusinessCalendar Calendar(IReadOnlyList<ClosureRecord> closures) =>
        new(_zone, closures.ToDictionary(c => c.Day, c => c.Reason));

    private static async Task<IReadOnlyList<ClosureRecord>> ClosuresAsync(NpgsqlConnection connection,
        NpgsqlTransaction? transaction, int? year, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<ClosureRecord>(new CommandDefinition("""
            SELECT day AS Day, reason AS Reason, added_by AS AddedBy, added_at AS AddedAt FROM closures
            WHERE @year::int IS NULL OR extract(year FROM day) = @year
            ORDER BY day
            """, new { year }, transaction, cancellationToken: cancellationToken))).AsList();
}
