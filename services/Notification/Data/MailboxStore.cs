using Dapper;
using Npgsql;
using Program287g.Notification.Domain;

namespace Program287g.Notification.Data;

/// <summary>A copy of a message on the mailbox server: the folder, the folder's UIDVALIDITY and the message's UID.</summary>
public sealed record ServerCopy(string Folder, long UidValidity, long Uid);

/// <summary>What a mailbox list is filtered by; null means any.</summary>
public sealed record MailboxFilter(bool NeedsAttentionOnly, string? Outcome, string? ReferenceNumber);

/// <summary>The program mailbox's records: each message once, with every copy of it the server held.</summary>
public sealed class MailboxStore(NpgsqlDataSource dataSource)
{
    /// <summary>Whether this copy was recorded already: the intake stopped between the record and the move.</summary>
    public async Task<bool> CopyRecordedAsync(ServerCopy copy, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(CopyExists, copy, cancellationToken: cancellationToken));
    }

    /// <summary>The same, inside a transaction that may just have added the copy.</summary>
    public static Task<bool> CopyRecordedAsync(NpgsqlTransaction transaction, ServerCopy copy, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteScalarAsync<bool>(new CommandDefinition(CopyExists, copy, transaction,
            cancellationToken: cancellationToken));

    private const string CopyExists =
        "SELECT EXISTS (SELECT 1 FROM mailbox_copies WHERE folder = @Folder AND uid_validity = @UidValidity AND uid = @Uid)";

    /// <summary>Inserts the record with its bytes; false when a message with the same key is recorded already.</summary>
    public static async Task<bool> InsertAsync(NpgsqlTransaction transaction, MailboxMessageRecord message, byte[]? raw,
        CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO mailbox_messages (id, message_key, internet_message_id, received_at, recorded_at, from_address,
                from_name, subject, size_bytes, outcome, outcome_reason, reference_number, inquiry_id, agency_id,
                needs_attention, raw, headers, trace_parent, trace_state)
            VALUES (@Id, @MessageKey, @InternetMessageId, @ReceivedAt, @RecordedAt, @FromAddress, @FromName, @Subject,
                @SizeBytes, @Outcome, @OutcomeReason, @ReferenceNumber, @InquiryId, @AgencyId, @NeedsAttention, @raw,
                @Headers, @TraceParent, @TraceState)
            ON CONFLICT (message_key) DO NOTHING
            """, new DynamicParameters(message).With("raw", raw), transaction, cancellationToken: cancellationToken)) == 1;

    /// <summary>Records a copy of the message with this key (the one just inserted, or the one recorded before).</summary>
    public static Task AddCopyAsync(NpgsqlTransaction transaction, string messageKey, ServerCopy copy, DateTime seenAt,
        CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO mailbox_copies (folder, uid_validity, uid, message_id, seen_at)
            SELECT @Folder, @UidValidity, @Uid, id, @seenAt FROM mailbox_messages WHERE message_key = @messageKey
            ON CONFLICT DO NOTHING
            """, new { copy.Folder, copy.UidValidity, copy.Uid, seenAt, messageKey }, transaction, cancellationToken: cancellationToken));

    public static Task<MailboxMessageRecord?> LockAsync(NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<MailboxMessageRecord>(new CommandDefinition(
            $"SELECT {MailboxColumns.Select} FROM mailbox_messages m WHERE m.id = @id FOR UPDATE", new { id }, transaction,
            cancellationToken: cancellationToken));

    /// <summary>Sets what the message became; a reference, inquiry or agency already set stays unless a new one is given.</summary>
    public static Task UpdateOutcomeAsync(NpgsqlTransaction transaction, Guid id, MailboxOutcome outcome, string reason,
        bool needsAttention, string? referenceNumber, Guid? inquiryId, Guid? agencyId, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE mailbox_messages SET outcome = @outcome, outcome_reason = @reason, needs_attention = @needsAttention,
                reference_number = coalesce(@referenceNumber, reference_number), inquiry_id = coalesce(@inquiryId, inquiry_id),
                agency_id = coalesce(@agencyId, agency_id)
            WHERE id = @id
            """, new { id, outcome = outcome.Key(), reason, needsAttention, referenceNumber, inquiryId, agencyId }, transaction,
            cancellationToken: cancellationToken));

    /// <summary>The application's reference, once the Agreement service made it.</summary>
    public static Task SetReferenceAsync(NpgsqlTransaction transaction, Guid id, string referenceNumber, Guid agencyId,
        CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE mailbox_messages SET reference_number = @referenceNumber, agency_id = @agencyId WHERE id = @id
            """, new { id, referenceNumber, agencyId }, transaction, cancellationToken: cancellationToken));

    /// <summary>The reference of the record a reply threads to: one of our emails it answers (by Message-ID), else an
    /// email of the same thread we recorded with a reference.</summary>
    public async Task<string?> ReferenceOfThreadAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        if (messageIds.Count == 0)
        {
            return null;
        }
        var ids = messageIds.ToArray();
        var keys = messageIds.Select(id => $"<{id}>").ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition("""
            SELECT reference_number FROM (
                SELECT reference_number, array_position(@ids, message_id) AS position FROM notifications
                WHERE message_id = ANY(@ids)
                UNION ALL
                SELECT reference_number, array_position(@keys, message_key) FROM mailbox_messages
                WHERE message_key = ANY(@keys) AND reference_number IS NOT NULL) found
            ORDER BY position LIMIT 1
            """, new { ids, keys }, cancellationToken: cancellationToken));
    }

    /// <summary>The first of the references that names a record this service wrote about or holds.</summary>
    public async Task<string?> FirstKnownAsync(IReadOnlyList<string> references, CancellationToken cancellationToken)
    {
        if (references.Count == 0)
        {
            return null;
        }
        var refs = references.ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition("""
            SELECT r FROM unnest(@refs) WITH ORDINALITY AS q(r, position)
            WHERE EXISTS (SELECT 1 FROM notifications WHERE reference_number = r)
               OR EXISTS (SELECT 1 FROM inquiries WHERE reference_number = r)
            ORDER BY position LIMIT 1
            """, new { refs }, cancellationToken: cancellationToken));
    }

    public async Task<MailboxMessageRecord?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<MailboxMessageRecord>(new CommandDefinition(
            $"SELECT {MailboxColumns.Select} FROM mailbox_messages m WHERE m.id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public static Task<byte[]?> RawAsync(NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<byte[]?>(new CommandDefinition(
            "SELECT raw FROM mailbox_messages WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));

    public async Task<List<MailboxCopyRecord>> CopiesAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<MailboxCopyRecord>(new CommandDefinition("""
            SELECT folder AS Folder, uid_validity AS UidValidity, uid AS Uid, seen_at AS SeenAt FROM mailbox_copies
            WHERE message_id = @id ORDER BY seen_at, uid
            """, new { id }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>One page, oldest first; one row more than asked shows whether another page follows.</summary>
    public async Task<List<MailboxMessageRecord>> ListAsync(MailboxFilter filter, ListCursor? after, int limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<MailboxMessageRecord>(new CommandDefinition($"""
            SELECT {MailboxColumns.Select} FROM mailbox_messages m
            WHERE (NOT @attention OR m.needs_attention)
              AND (@outcome::text IS NULL OR m.outcome = @outcome)
              AND (@reference::text IS NULL OR m.reference_number = @reference)
              AND (@afterId::uuid IS NULL OR (m.received_at, m.id) > (@afterReceived, @afterId))
            ORDER BY m.received_at, m.id
            LIMIT @limit
            """, new
            {
                attention = filter.NeedsAttentionOnly, outcome = filter.Outcome, reference = filter.ReferenceNumber,
                afterReceived = after?.ReceivedAt, afterId = after?.Id, limit,
            }, cancellationToken: cancellationToken))).AsList();
    }
}

internal static class DynamicParametersExtensions
{
    public static DynamicParameters With(this DynamicParameters parameters, string name, object? value)
    {
        parameters.Add(name, value);
        return parameters;
    }
}
