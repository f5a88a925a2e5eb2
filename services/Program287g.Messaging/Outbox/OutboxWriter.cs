using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Program287g.Contracts;

namespace Program287g.Messaging.Outbox;

/// <summary>Records events in the outbox inside the caller's transaction, so that the state change and the events it
/// raises commit or roll back together. Nothing is published here: the <see cref="OutboxDispatcher"/> does that after
/// the commit, woken by the NOTIFY this issues (PostgreSQL delivers it only if and when the transaction commits).</summary>
public static class OutboxWriter
{
    public const string NotifyChannel = "program287g_outbox";

    public static async Task EnqueueAsync(this NpgsqlTransaction transaction, IntegrationEvent message,
        CancellationToken cancellationToken = default)
    {
        var connection = transaction.Connection
            ?? throw new InvalidOperationException("The transaction is no longer connected.");
        var type = message.GetType();
        var activity = Activity.Current;
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("""
                    INSERT INTO outbox_messages (message_id, message_type, body, trace_parent, trace_state)
                    VALUES ($1, $2, $3, $4, $5)
                    """)
                {
                    Parameters =
                    {
                        new() { Value = message.MessageId },
                        new() { Value = MessageTypeName(type) },
                        new() { Value = JsonSerializer.Serialize(message, type), NpgsqlDbType = NpgsqlDbType.Jsonb },
                        new() { Value = (object?)activity?.Id ?? DBNull.Value },
                        new() { Value = (object?)activity?.TraceStateString ?? DBNull.Value },
                    },
                },
                new NpgsqlBatchCommand($"SELECT pg_notify('{NotifyChannel}', '')"),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Several events in one statement (a multi-row insert from arrays) and one NOTIFY: a batch of a thousand
    /// costs one round trip, not a thousand.</summary>
    public static async Task EnqueueAsync(this NpgsqlTransaction transaction, IReadOnlyCollection<IntegrationEvent> messages,
        CancellationToken cancellationToken = default)
    {
        if (messages.Count == 0)
        {
            return;
        }
        var connection = transaction.Connection
            ?? throw new InvalidOperationException("The transaction is no longer connected.");
        var activity = Activity.Current;
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("""
                    INSERT INTO outbox_messages (message_id, message_type, body, trace_parent, trace_state)
                    SELECT id, type, body, $4, $5 FROM unnest($1::uuid[], $2::text[], $3::jsonb[]) AS m(id, type, body)
                    """)
                {
                    Parameters =
                    {
                        new() { Value = messages.Select(m => m.MessageId).ToArray() },
                        new() { Value = messages.Select(m => MessageTypeName(m.GetType())).ToArray() },
                        new()
                        {
                            Value = messages.Select(m => JsonSerializer.Serialize(m, m.GetType())).ToArray(),
                            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
                        },
                        new() { Value = (object?)activity?.Id ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                        new() { Value = (object?)activity?.TraceStateString ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                    },
                },
                new NpgsqlBatchCommand($"SELECT pg_notify('{NotifyChannel}', '')"),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>"Namespace.Type, Assembly": enough for Type.GetType, and stable across versions of the assembly.</summary>
    public static string MessageTypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
