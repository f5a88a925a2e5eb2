using Dapper;
using Npgsql;
using Program287g.Notification.Domain;

namespace Program287g.Notification.Data;

/// <summary>What fell due in a period and how it went; due = on time + late + overdue + pending.</summary>
public sealed record SlaCounts(long Due, long OnTime, long Late, long Overdue, long Pending, long Undeliverable)
{
    public static SlaCounts None { get; } = new(0, 0, 0, 0, 0, 0);

    public SlaCounts Plus(SlaCounts other) => new(Due + other.Due, OnTime + other.OnTime, Late + other.Late,
        Overdue + other.Overdue, Pending + other.Pending, Undeliverable + other.Undeliverable);
}

/// <summary>The SLA report's counts, by due time in [from, to), judged at <c>now</c> with the comparisons of
/// <see cref="Timelinesses.Of"/>: done at or before the due time is on time; not done is overdue once the due time
/// has passed, else pending.</summary>
public sealed class SlaQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyDictionary<NotificationKind, SlaCounts>> NotificationsAsync(DateTimeOffset from, DateTimeOffset to,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Kind, long Due, long OnTime, long Late, long Overdue, long Pending, long Undeliverable)>(
            new CommandDefinition("""
                SELECT kind, count(*),
                       count(*) FILTER (WHERE sent_at <= due_at),
                       count(*) FILTER (WHERE sent_at > due_at),
                       count(*) FILTER (WHERE sent_at IS NULL AND due_at < @now),
                       count(*) FILTER (WHERE sent_at IS NULL AND due_at >= @now),
                       count(*) FILTER (WHERE status = 'undeliverable')
                FROM notifications WHERE due_at >= @from AND due_at < @to
                GROUP BY kind
                """, new { from, to, now }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => NotificationKinds.Parse(r.Kind),
            r => new SlaCounts(r.Due, r.OnTime, r.Late, r.Overdue, r.Pending, r.Undeliverable));
    }

    /// <summary>Inquiries by when their answer fell due, judged by when staff answered.</summary>
    public async Task<SlaCounts> InquiryAnswersAsync(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<SlaCounts>(new CommandDefinition("""
            SELECT count(*) AS Due,
                   count(*) FILTER (WHERE answered_at <= due_at) AS OnTime,
                   count(*) FILTER (WHERE answered_at > due_at) AS Late,
                   count(*) FILTER (WHERE answered_at IS NULL AND due_at < @now) AS Overdue,
                   count(*) FILTER (WHERE answered_at IS NULL AND due_at >= @now) AS Pending,
                   0::bigint AS Undeliverable
            FROM inquiries WHERE due_at >= @from AND due_at < @to
            """, new { from, to, now }, cancellationToken: cancellationToken));
    }
}
