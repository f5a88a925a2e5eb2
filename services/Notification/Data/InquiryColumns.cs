namespace Program287g.Notification.Data;

/// <summary>The inquiries table's columns under the names <see cref="Domain.InquiryRecord"/> binds to.</summary>
internal static class InquiryColumns
{
    public const string Select = """
        i.id AS Id, i.reference_number AS ReferenceNumber, i.request_id AS RequestId, i.inquirer_name AS InquirerName,
        i.contact_email AS ContactEmail, i.subject AS Subject, i.body AS Body, i.agency_id AS AgencyId,
        i.submitted_by AS SubmittedBy, i.received_at AS ReceivedAt, i.due_at AS DueAt, i.answered_at AS AnsweredAt,
        i.answered_by AS AnsweredBy, i.answer AS Answer, i.mailbox_message_id AS MailboxMessageId
        """;
}
