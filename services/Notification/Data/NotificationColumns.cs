namespace Program287g.Notification.Data;

/// <summary>The notifications table's columns under the names <see cref="Domain.NotificationRecord"/> binds to.</summary>
internal static class NotificationColumns
{
    public const string Select = """
        n.id AS Id, n.kind AS Kind, n.source_id AS SourceId, n.reference_number AS ReferenceNumber, n.agency_id AS AgencyId,
        n.recipient_name AS RecipientName, n.recipient_email AS RecipientEmail, n.status AS Status,
        n.status_reason AS StatusReason, n.received_at AS ReceivedAt, n.due_at AS DueAt, n.sent_at AS SentAt,
        n.details::text AS Details, n.message_id AS MessageId, n.attempts AS Attempts,
        n.attempt_started_at AS AttemptStartedAt, n.next_attempt_at AS NextAttemptAt, n.delivery_checks AS DeliveryChecks,
        n.last_error AS LastError, n.delivery_note AS DeliveryNote, n.trace_parent AS TraceParent,
        n.trace_state AS TraceState, n.created_at AS CreatedAt, n.in_reply_to AS InReplyTo
        """;

    public const string Insert = """
        INSERT INTO notifications (id, kind, source_id, reference_number, agency_id, recipient_name, recipient_email, status,
            status_reason, received_at, due_at, details, message_id, next_attempt_at, trace_parent, trace_state, created_at,
            in_reply_to)
        VALUES (@Id, @Kind, @SourceId, @ReferenceNumber, @AgencyId, @RecipientName, @RecipientEmail, @Status,
            @StatusReason, @ReceivedAt, @DueAt, @Details::jsonb, @MessageId, @NextAttemptAt, @TraceParent, @TraceState, @CreatedAt,
            @InReplyTo)
        ON CONFLICT (source_id, kind) DO NOTHING
        """;
}
