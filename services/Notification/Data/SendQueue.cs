using Dapper;
using Npgsql;
using Program287g.Notification.Domain;

namespace Program287g.Notification.Data;

/// <summary>A notification a sender holds: the claim token proves the lease is still its own; <see cref="InDoubtSince"/>
/// is set when an earlier attempt began and never recorded its outcome.</summary>
public sealed record ClaimedNotification(NotificationRecord Notification, Guid Token)
{
    public DateTime? InDoubtSince => Notification.AttemptStartedAt;
}

/// <summary>The sender's SQL, in one place. Every change after a claim is conditional on the claim token, so a sender
/// whose lease ran out cannot overwrite what another sender recorded since. Times come from the service's clock.</summary>
public sealed class SendQueue(NpgsqlDataSource dataSource)
{
    /// <summary>Claims pending rows that have come due, oldest first, and leases them for <paramref name="lease"/>: SKIP
    /// LOCKED keeps several senders (instances of the service) off each other's rows, and the lease, committed with the
    /// claim, keeps them off once the transaction ends. The lease is short (the rows of a sender that dies come free
    /// within it) and covers only the start: each attempt takes a lease of its own (<see cref="BeginAttemptAsync"/>). A
    /// row whose short lease ran out before its sender got to it may be claimed by another; the first sender's claim
    /// token is then no longer the row's, so it leaves the row alone.</summary>
    public async Task<IReadOnlyList<ClaimedNotification>> ClaimAsync(int limit, DateTimeOffset now, TimeSpan lease,
        CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<NotificationRecord>(new CommandDefinition($"""
            WITH locked AS (
                SELECT id FROM notifications
                WHERE status = 'pending' AND next_attempt_at <= @now
                ORDER BY next_attempt_at, id
                LIMIT @limit
                FOR UPDATE SKIP LOCKED)
            UPDATE notifications n
            SET next_attempt_at = @leasedUntil, claim_token = @token
            FROM locked l WHERE n.id = l.id
            RETURNING {NotificationColumns.Select}
            """, new { now, limit, leasedUntil = now + lease, token }, cancellationToken: cancellationToken));
        // The oldest cause first, as they were claimed (RETURNING keeps no order).
        return [.. rows.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id).Select(row => new ClaimedNotification(row, token))];
    }

    /// <summary>Records that an SMTP conversation starts, and commits it, before the first byte is sent: from here on,
    /// until a definite outcome clears it, the attempt is in doubt. The row is leased until <paramref name="leasedUntil"/>,
    /// the attempt's timeout and a margin: no other sender takes it while this one may still be talking to the server.
    /// False when the claim is no longer ours.</summary>
    public Task<bool> BeginAttemptAsync(ClaimedNotification claim, DateTimeOffset now, DateTimeOffset leasedUntil,
        CancellationToken cancellationToken) =>
        ExecuteAsync("""
            UPDATE notifications SET attempts = attempts + 1, attempt_started_at = @now, next_attempt_at = @leasedUntil
            WHERE id = @id AND claim_token = @token
            """, new { claim.Notification.Id, claim.Token, now, leasedUntil }, cancellationToken);

    /// <summary>The SMTP server accepted it (or the delivery check found that it had).</summary>
    public Task<bool> MarkSentAsync(ClaimedNotification claim, DateTimeOffset sentAt, string? note, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            UPDATE notifications
            SET status = 'sent', sent_at = @sentAt, attempt_started_at = NULL, claim_token = NULL, last_error = NULL,
                delivery_note = coalesce(@note, delivery_note)
            WHERE id = @id AND claim_token = @token
            """, new { claim.Notification.Id, claim.Token, sentAt, note }, cancellationToken);

    /// <summary>The attempt failed before the server accepted the message (refused connection, a rejected command): it
    /// was not sent, and is tried again at <paramref name="retryAt"/>.</summary>
    public Task<bool> MarkFailedAsync(ClaimedNotification claim, DateTimeOffset retryAt, string error, string? note,
        CancellationToken cancellationToken) =>
        ExecuteAsync("""
            UPDATE notifications
            SET attempt_started_at = NULL, claim_token = NULL, next_attempt_at = @retryAt, last_error = @error,
                delivery_note = coalesce(@note, delivery_note)
            WHERE id = @id AND claim_token = @token
            """, new { claim.Notification.Id, claim.Token, retryAt, error, note }, cancellationToken);

    /// <summary>The attempt ended without a definite answer (the connection broke or timed out during the message): it
    /// stays in doubt, and the next claim settles it before anything is sent again.</summary>
    public Task<bool> MarkInDoubtAsync(ClaimedNotification claim, DateTimeOffset retryAt, string error, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            UPDATE notifications SET claim_token = NULL, next_attempt_at = @retryAt, last_error = @error
            WHERE id = @id AND claim_token = @token
            """, new { claim.Notification.Id, claim.Token, retryAt, error }, cancellationToken);

    /// <summary>The delivery check could not answer: still in doubt, checked again at <paramref name="retryAt"/>.</summary>
    public Task<bool> MarkCheckUnavailableAsync(ClaimedNotification claim, DateTimeOffset retryAt, string error,
        CancellationToken cancellationToken) =>
        ExecuteAsync("""
            UPDATE notifications
            SET delivery_checks = delivery_checks + 1, claim_token = NULL, next_attempt_at = @retryAt, last_error = @error
            WHERE id = @id AND claim_token = @token
            """, new { claim.Notification.Id, claim.Token, retryAt, error }, cancellationToken);

    /// <summary>The backlog, per kind, for the metrics.</summary>
    public async Task<IReadOnlyList<Backlog>> BacklogAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<Backlog>(new CommandDefinition("""
            SELECT kind AS Kind,
                   count(*) FILTER (WHERE status = 'pending') AS Unsent,
                   count(*) FILTER (WHERE status IN ('pending', 'undeliverable') AND due_at < @now) AS Overdue,
                   count(*) FILTER (WHERE status = 'undeliverable') AS Undeliverable,
                   coalesce(extract(epoch FROM @now - min(received_at) FILTER (WHERE status = 'pending')), 0)::float8 AS OldestUnsentAgeSeconds
            FROM notifications WHERE status IN ('pending', 'undeliverable')
            GROUP BY kind
            """, new { now }, cancellationToken: cancellationToken))).AsList();
    }

    private async Task<bool> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)) == 1;
    }
}

/// <summary>What waits to be sent, of one kind.</summary>
public sealed record Backlog(string Kind, long Unsent, long Overdue, long Undeliverable, double OldestUnsentAgeSeconds);
