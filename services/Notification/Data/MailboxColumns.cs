namespace Program287g.Notification.Data;

/// <summary>The mailbox_messages table's columns under the names <see cref="Domain.MailboxMessageRecord"/> binds to.</summary>
internal static class MailboxColumns
{
    public const string Select = """
        m.id AS Id, m.message_key AS MessageKey, m.internet_message_id AS InternetMessageId, m.received_at AS ReceivedAt,
        m.recorded_at AS RecordedAt, m.from_address AS FromAddress, m.from_name AS FromName, m.subject AS Subject,
        m.size_bytes AS SizeBytes, m.outcome AS Outcome, m.outcome_reason AS OutcomeReason,
        m.reference_number AS ReferenceNumber, m.inquiry_id AS InquiryId, m.agency_id AS AgencyId,
        m.needs_attention AS NeedsAttention, m.headers AS Headers, m.trace_parent AS TraceParent, m.trace_state AS TraceState
        """;
}
