using Dapper;
using Npgsql;
using Program287g.Notification.Domain;

namespace Program287g.Notification.Data;

/// <summary>What a notification list is filtered by; null means any.</summary>
public sealed record NotificationFilter(NotificationKind? Kind, NotificationStatus? Status, Guid? AgencyId,
    Timeliness? Timeliness, DateTimeOffset? ReceivedFrom, DateTimeOffset? ReceivedBefore);

/// <summary>A position in a list ordered by receipt, then id.</summary>
public sealed record ListCursor(DateTime ReceivedAt, Guid Id);

/// <summary>Notifications: recorded in the transaction of what they answer, read by the lists.</summary>
public sealed class NotificationStore(NpgsqlDataSource dataSource)
{
    /// <summary>The channel a commit that recorded something to send notifies: the sender LISTENs on it.</summary>
    public const string WakeChannel = "program287g_notifications";

    /// <summary>Inserts the notification unless one for the same source and kind exists; true when it was new. A new
    /// one to send wakes the senders when the transaction commits (PostgreSQL delivers NOTIFY only then).</summary>
    public static async Task<bool> InsertAsync(NpgsqlTransaction transaction, NotificationRecord notification,
        CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        var inserted = await connection.ExecuteAsync(new CommandDefinition(NotificationColumns.Insert, notification, transaction,
            cancellationToken: cancellationToken)) == 1;
        if (inserted && notification.CurrentStatus == NotificationStatus.Pending)
        {
            await connection.ExecuteAsync(new CommandDefinition($"SELECT pg_notify('{WakeChannel}', '')", transaction: transaction,
                cancellationToken: cancellationToken));
        }
        return inserted;
    }

    public static Task<NotificationRecord> FindBySourceAsync(NpgsqlTransaction transaction, Guid sourceId, NotificationKind kind,
        CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleAsync<NotificationRecord>(new CommandDefinition($"""
            SELECT {NotificationColumns.Select} FROM notifications n WHERE n.source_id = @sourceId AND n.kind = @kind
            """, new { sourceId, kind = kind.Key() }, transaction, cancellationToken: cancellationToken));

    public async Task<NotificationRecord?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<NotificationRecord>(new CommandDefinition(
            $"SELECT {NotificationColumns.Select} FROM notifications n WHERE n.id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>The notifications made from the given sources (an inquiry's acknowledgment and answer).</summary>
    public async Task<IReadOnlyList<NotificationRecord>> FromSourcesAsync(IReadOnlyCollection<Guid> sourceIds,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<NotificationRecord>(new CommandDefinition(
            $"SELECT {NotificationColumns.Select} FROM notifications n WHERE n.source_id = ANY(@ids)",
            new { ids = sourceIds.ToArray() }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>One page, oldest first; one row more than asked shows whether another page follows. Timeliness is
    /// judged at <paramref name="now"/> with the comparisons of <see cref="Timelinesses.Of"/>.</summary>
    public async Task<List<NotificationRecord>> ListAsync(NotificationFilter filter, ListCursor? after, int limit,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<NotificationRecord>(new CommandDefinition($"""
            SELECT {NotificationColumns.Select} FROM notifications n
            WHERE (@kind::text IS NULL OR n.kind = @kind) AND (@status::text IS NULL OR n.status = @status)
              AND (@agencyId::uuid IS NULL OR n.agency_id = @agencyId)
              AND (@from::timestamptz IS NULL OR n.received_at >= @from)
              AND (@before::timestamptz IS NULL OR n.received_at < @before)
              AND (@timeliness::text IS NULL
                   OR (@timeliness = 'pending' AND n.sent_at IS NULL AND n.due_at >= @now)
                   OR (@timeliness = 'on-time' AND n.sent_at <= n.due_at)
                   OR (@timeliness = 'late' AND n.sent_at > n.due_at)
                   OR (@timeliness = 'overdue' AND n.sent_at IS NULL AND n.due_at < @now)
                   OR (@timeliness = 'not-owed' AND n.due_at IS NULL))
              AND (@afterId::uuid IS NULL OR (n.received_at, n.id) > (@afterReceived, @afterId))
            ORDER BY n.received_at, n.id
            LIMIT @limit
            """, new
            {
                kind = filter.Kind?.Key(), status = filter.Status?.Key(), agencyId = filter.AgencyId, from = filter.ReceivedFrom,
                before = filter.ReceivedBefore, timeliness = TimelinessKey(filter.Timeliness), now,
                afterReceived = after?.ReceivedAt, afterId = after?.Id, limit,
            }, cancellationToken: cancellationToken))).AsList();
    }

    internal static string? TimelinessKey(Timeliness? timeliness) => timeliness switch
    {
        null => null,
        Timeliness.Pending => "pending",
        Timeliness.OnTime => "on-time",
        Timeliness.Late => "late",
        Timeliness.Overdue => "overdue",
        Timeliness.NotOwed => "not-owed",
        _ => throw new ArgumentOutOfRangeException(nameof(timeliness), timeliness, null),
    };
}
