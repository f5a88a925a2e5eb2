using Program287g.Audit;
using Program287g.Notification.Domain;

namespace Program287g.Notification.Data;

/// <summary>What the audit trail keeps of the records this service's writes change: ids, reference numbers and codes.
/// Never an inquirer's name or address, an inquiry's text or answer, or a closure's reason.</summary>
internal static class NotificationAudit
{
    public static AuditEntry Closure(AuditActor actor, DateOnly day, int dueTimesMoved) =>
        actor.On("closure", $"{day:yyyy-MM-dd}", $"due_times_moved={dueTimesMoved}");

    public static AuditEntry Inquiry(AuditActor actor, InquiryRecord inquiry) =>
        actor.On("inquiry", inquiry.Id.ToString(),
            $"reference={inquiry.ReferenceNumber} agency={inquiry.AgencyId} answered={inquiry.IsAnswered}");

    public static AuditEntry MailFiled(AuditActor actor, Guid messageId, Guid agencyId, string model) =>
        actor.On("mailbox_message", messageId.ToString(), $"outcome=application agency={agencyId} model={model}");
}
