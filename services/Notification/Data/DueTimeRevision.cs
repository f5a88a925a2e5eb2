using Dapper;
using Npgsql;
using Program287g.Notification.Domain;
using Program287g.Persistence;

namespace Program287g.Notification.Data;

/// <summary>Due times follow the calendar as it stands: when a closure is added or removed, every notification and
/// inquiry whose one business day could span that day (received before it ended, due after it began) gets its due time
/// computed again, sent and answered ones too, so the SLA judges everything by one calendar.</summary>
public static class DueTimeRevision
{
    /// <summary>Returns how many due times moved.</summary>
    public static async Task<int> ApplyAsync(NpgsqlTransaction transaction, BusinessCalendar calendar, DateOnly day,
        CancellationToken cancellationToken)
    {
        var window = new { dayStart = calendar.StartOf(day), dayEnd = calendar.StartOf(day.AddDays(1)) };
        var moved = 0;
        foreach (var table in new[] { "notifications", "inquiries" })
        {
            var rows = await transaction.Connection!.QueryAsync<(Guid Id, DateTime ReceivedAt, DateTime DueAt)>(new CommandDefinition($"""
                SELECT id, received_at, due_at FROM {table}
                WHERE due_at IS NOT NULL AND received_at < @dayEnd AND due_at >= @dayStart
                FOR UPDATE
                """, window, transaction, cancellationToken: cancellationToken));
            foreach (var (id, receivedAt, dueAt) in rows)
            {
                var revised = DatabaseTime.ToStoredPrecision(calendar.DueAt(new DateTimeOffset(DateTime.SpecifyKind(receivedAt, DateTimeKind.Utc))).DueAt);
                if (revised != DateTime.SpecifyKind(dueAt, DateTimeKind.Utc))
                {
                    await transaction.Connection!.ExecuteAsync(new CommandDefinition(
                        $"UPDATE {table} SET due_at = @revised WHERE id = @id", new { id, revised }, transaction,
                        cancellationToken: cancellationToken));
                    moved++;
                }
            }
        }
        return moved;
    }
}
