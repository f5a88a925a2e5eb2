using Dapper;
using Npgsql;

namespace Program287g.Messaging.Outbox;

/// <summary>The outbox's SQL, in one place.</summary>
internal static class OutboxStore
{
    /// <summary>Claims due rows, oldest first. SKIP LOCKED lets several dispatchers (instances of one service) share
    /// one outbox: a row another dispatcher holds is skipped, never published twice.</summary>
    public static async Task<List<OutboxRow>> ClaimAsync(NpgsqlTransaction transaction, int limit, CancellationToken cancellationToken) =>
        (await transaction.Connection!.QueryAsync<OutboxRow>(new CommandDefinition("""
            SELECT id AS Id, message_id AS MessageId, message_type AS MessageType, body::text AS Body,
                   trace_parent AS TraceParent, trace_state AS TraceState, attempts AS Attempts
            FROM outbox_messages
            WHERE sent_at IS NULL AND next_attempt_at <= clock_timestamp()
            ORDER BY id
            LIMIT @limit
            FOR UPDATE SKIP LOCKED
            """, new { limit }, transaction, cancellationToken: cancellationToken))).AsList();

    public static Task MarkSentAsync(NpgsqlTransaction transaction, long[] ids, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE outbox_messages SET sent_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL
            WHERE id = ANY(@ids)
            """, new { ids }, transaction, cancellationToken: cancellationToken));

    public static Task MarkFailedAsync(NpgsqlTransaction transaction, long id, TimeSpan retryIn, string error,
        CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE outbox_messages
            SET attempts = attempts + 1, last_error = @error,
                next_attempt_at = clock_timestamp() + make_interval(secs => @seconds)
            WHERE id = @id
            """, new { id, error, seconds = retryIn.TotalSeconds }, transaction, cancellationToken: cancellationToken));

    public static async Task<OutboxDepth> DepthAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<OutboxDepth>(new CommandDefinition("""
            SELECT count(*) AS Unsent,
                   COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - min(created_at)), 0)::float8 AS OldestAgeSeconds
            FROM outbox_messages WHERE sent_at IS NULL
            """, cancellationToken: cancellationToken));
    }

    /// <summary>Deletes sent outbox rows and inbox rows past retention, in bounded batches so no lock is long.</summary>
    public static async Task<int> PruneAsync(NpgsqlDataSource database, TimeSpan retention, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var deleted = 0;
        int batch;
        do
        {
            batch = await connection.ExecuteAsync(new CommandDefinition("""
                DELETE FROM outbox_messages WHERE id IN (
                    SELECT id FROM outbox_messages
                    WHERE sent_at IS NOT NULL AND sent_at < clock_timestamp() - make_interval(secs => @seconds)
                    LIMIT 5000)
                """, new { seconds = retention.TotalSeconds }, cancellationToken: cancellationToken));
            batch += await connection.ExecuteAsync(new CommandDefinition("""
                DELETE FROM inbox_messages WHERE ctid IN (
                    SELECT ctid FROM inbox_messages
                    WHERE received_at < clock_timestamp() - make_interval(secs => @seconds)
                    LIMIT 5000)
                """, new { seconds = retention.TotalSeconds }, cancellationToken: cancellationToken));
            deleted += batch;
        }
        while (batch > 0);
        return deleted;
    }
}

internal sealed record OutboxRow(long Id, Guid MessageId, string MessageType, string Body, string? TraceParent,
    string? TraceState, int Attempts);

internal sealed record OutboxDepth(long Unsent, double OldestAgeSeconds);
