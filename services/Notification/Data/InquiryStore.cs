using Dapper;
using Npgsql;
using Program287g.Notification.Domain;

namespace Program287g.Notification.Data;

/// <summary>What an inquiry list is filtered by; null means any.</summary>
public sealed record InquiryFilter(bool? Answered, bool OverdueOnly, Guid? AgencyId);

/// <summary>Inquiries: recorded with their acknowledgment, answered with the answer's email, in one transaction each.</summary>
public sealed class InquiryStore(NpgsqlDataSource dataSource)
{
    public static async Task<string> NextReferenceAsync(NpgsqlTransaction transaction, DateTimeOffset receivedAt,
        CancellationToken cancellationToken) =>
        InquiryReferences.Format(receivedAt, await transaction.Connection!.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT nextval('inquiry_reference_numbers')", transaction: transaction, cancellationToken: cancellationToken)));

    /// <summary>Inserts the inquiry; false when its request id (a retried call) or its email was recorded already.</summary>
    public static async Task<bool> InsertAsync(NpgsqlTransaction transaction, InquiryRecord inquiry, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO inquiries (id, reference_number, request_id, inquirer_name, contact_email, subject, body, agency_id,
                submitted_by, received_at, due_at, mailbox_message_id)
            VALUES (@Id, @ReferenceNumber, @RequestId, @InquirerName, @ContactEmail, @Subject, @Body, @AgencyId,
                @SubmittedBy, @ReceivedAt, @DueAt, @MailboxMessageId)
            ON CONFLICT DO NOTHING
            """, inquiry, transaction, cancellationToken: cancellationToken)) == 1;

    public static Task<InquiryRecord?> LockAsync(NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<InquiryRecord>(new CommandDefinition(
            $"SELECT {InquiryColumns.Select} FROM inquiries i WHERE i.id = @id FOR UPDATE", new { id }, transaction,
            cancellationToken: cancellationToken));

    public static Task AnswerAsync(NpgsqlTransaction transaction, InquiryRecord answered, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE inquiries SET answered_at = @AnsweredAt, answered_by = @AnsweredBy, answer = @Answer WHERE id = @Id
            """, answered, transaction, cancellationToken: cancellationToken));

    /// <summary>Opens an inquiry a filing had closed without an email (the application it was filed as was refused).</summary>
    public static Task ReopenAsync(NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE inquiries SET answered_at = NULL, answered_by = NULL, answer = NULL
            WHERE id = @id AND NOT EXISTS (SELECT 1 FROM notifications WHERE source_id = @id AND kind = 'inquiry-answer')
            """, new { id }, transaction, cancellationToken: cancellationToken));

    public async Task<InquiryRecord?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<InquiryRecord>(new CommandDefinition(
            $"SELECT {InquiryColumns.Select} FROM inquiries i WHERE i.id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<InquiryRecord?> FindByRequestAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<InquiryRecord>(new CommandDefinition(
            $"SELECT {InquiryColumns.Select} FROM inquiries i WHERE i.request_id = @requestId", new { requestId },
            cancellationToken: cancellationToken));
    }

    /// <summary>One page, oldest first; one row more than asked shows whether another page follows.</summary>
    public async Task<List<InquiryRecord>> ListAsync(InquiryFilter filter, ListCursor? after, int limit, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<InquiryRecord>(new CommandDefinition($"""
            SELECT {InquiryColumns.Select} FROM inquiries i
            WHERE (@answered::boolean IS NULL OR (i.answered_at IS NOT NULL) = @answered)
              AND (NOT @overdueOnly OR (i.answered_at IS NULL AND i.due_at < @now))
              AND (@agencyId::uuid IS NULL OR i.agency_id = @agencyId)
              AND (@afterId::uuid IS NULL OR (i.received_at, i.id) > (@afterReceived, @afterId))
            ORDER BY i.received_at, i.id
            LIMIT @limit
            """, new
            {
                answered = filter.Answered, overdueOnly = filter.OverdueOnly, agencyId = filter.AgencyId, now,
                afterReceived = after?.ReceivedAt, afterId = after?.Id, limit,
            }, cancellationToken: cancellationToken))).AsList();
    }
}
