using Google.Protobuf.WellKnownTypes;
using Program287g.Notification.Domain;
using Program287g.ServiceDefaults.Grpc;
using ProtoKind = Program287g.Notification.V1.NotificationKind;
using ProtoStatus = Program287g.Notification.V1.NotificationStatus;
using ProtoTimeliness = Program287g.Notification.V1.Timeliness;

namespace Program287g.Notification.Grpc;

/// <summary>Between stored rows and the proto messages.</summary>
internal static class NotificationMapping
{
    public static V1.Notification ToMessage(this NotificationRecord record, DateTimeOffset now) => new()
    {
        NotificationId = record.Id.ToString(),
        Kind = ToProto(record.CurrentKind),
        Status = ToProto(record.CurrentStatus),
        ReferenceNumber = record.ReferenceNumber,
        AgencyId = record.AgencyId?.ToString() ?? "",
        Recipient = record.CurrentStatus == NotificationStatus.Undeliverable ? "" : record.RecipientEmail ?? "",
        ReceivedAt = ProtoTime.ToTimestamp(record.ReceivedAt),
        DueAt = Optional(record.DueAt),
        SentAt = Optional(record.SentAt),
        Timeliness = ToProto(record.TimelinessAt(now)),
        Attempts = record.Attempts,
        LastError = record.SentAt is null ? record.LastError ?? "" : "",
        MessageId = $"<{record.MessageId}>",
        StatusReason = record.StatusReason ?? "",
        NextAttemptAt = record.CurrentStatus == NotificationStatus.Pending ? ProtoTime.ToTimestamp(record.NextAttemptAt) : null,
        SourceId = record.SourceId.ToString(),
        DeliveryNote = record.DeliveryNote ?? "",
    };

    public static V1.Inquiry ToMessage(this InquiryRecord record, IReadOnlyList<NotificationRecord> notifications, DateTimeOffset now) => new()
    {
        InquiryId = record.Id.ToString(),
        ReferenceNumber = record.ReferenceNumber,
        InquirerName = record.InquirerName,
        ContactEmail = record.ContactEmail,
        Subject = record.Subject,
        Text = record.Body,
        AgencyId = record.AgencyId?.ToString() ?? "",
        Status = record.IsAnswered ? V1.InquiryStatus.Answered : V1.InquiryStatus.Open,
        ReceivedAt = ProtoTime.ToTimestamp(record.ReceivedAt),
        DueAt = ProtoTime.ToTimestamp(record.DueAt),
        AnsweredAt = Optional(record.AnsweredAt),
        Answer = record.Answer ?? "",
        AnsweredBy = record.AnsweredBy ?? "",
        Timeliness = ToProto(record.TimelinessAt(now)),
        Acknowledgment = notifications.FirstOrDefault(n => n.SourceId == record.Id && n.CurrentKind == NotificationKind.InquiryAcknowledgment)
            ?.ToMessage(now),
        AnswerNotification = notifications.FirstOrDefault(n => n.SourceId == record.Id && n.CurrentKind == NotificationKind.InquiryAnswer)
            ?.ToMessage(now),
        MailboxMessageId = record.MailboxMessageId?.ToString() ?? "",
    };

    public static ProtoKind ToProto(NotificationKind kind) => kind switch
    {
        NotificationKind.ApplicationAcknowledgment => ProtoKind.ApplicationAcknowledgment,
        NotificationKind.NominationAcknowledgment => ProtoKind.NominationAcknowledgment,
        NotificationKind.InquiryAcknowledgment => ProtoKind.InquiryAcknowledgment,
        NotificationKind.InquiryAnswer => ProtoKind.InquiryAnswer,
        NotificationKind.AgreementSignedNotice => ProtoKind.AgreementSignedNotice,
        NotificationKind.AuthorizationIssuedNotice => ProtoKind.AuthorizationIssuedNotice,
        _ => ProtoKind.Unspecified,
    };

    public static NotificationKind? ToDomain(ProtoKind kind) =>
        NotificationKinds.All.Where(k => ToProto(k) == kind).Select(k => (NotificationKind?)k).FirstOrDefault();

    public static ProtoStatus ToProto(NotificationStatus status) => status switch
    {
        NotificationStatus.Pending => ProtoStatus.Pending,
        NotificationStatus.Sent => ProtoStatus.Sent,
        NotificationStatus.Undeliverable => ProtoStatus.Undeliverable,
        NotificationStatus.NotRequired => ProtoStatus.NotRequired,
        _ => ProtoStatus.Unspecified,
    };

    public static NotificationStatus? ToDomain(ProtoStatus status) =>
        System.Enum.GetValues<NotificationStatus>().Where(s => ToProto(s) == status).Select(s => (NotificationStatus?)s).FirstOrDefault();

    public static ProtoTimeliness ToProto(Timeliness timeliness) => timeliness switch
    {
        Timeliness.Pending => ProtoTimeliness.Pending,
        Timeliness.OnTime => ProtoTimeliness.OnTime,
        Timeliness.Late => ProtoTimeliness.Late,
        Timeliness.Overdue => ProtoTimeliness.Overdue,
        Timeliness.NotOwed => ProtoTimeliness.NotOwed,
        _ => ProtoTimeliness.Unspecified,
    };

    public static Timeliness? ToDomain(ProtoTimeliness timeliness) =>
        System.Enum.GetValues<Timeliness>().Where(t => ToProto(t) == timeliness).Select(t => (Timeliness?)t).FirstOrDefault();

    public static V1.DayKind ToProto(DayKind kind) => kind switch
    {
        DayKind.BusinessDay => V1.DayKind.BusinessDay,
        DayKind.Weekend => V1.DayKind.Weekend,
        DayKind.FederalHoliday => V1.DayKind.FederalHoliday,
        DayKind.Closure => V1.DayKind.Closure,
        _ => V1.DayKind.Unspecified,
    };

    public static V1.Closure ToMessage(this Data.ClosureRecord closure) => new()
    {
        Date = closure.Day.ToProtoDate(), Reason = closure.Reason, AddedBy = closure.AddedBy, AddedAt = ProtoTime.ToTimestamp(closure.AddedAt),
    };

    public static V1.SlaCounts ToMessage(this Data.SlaCounts counts) => new()
    {
        Due = (int)counts.Due, OnTime = (int)counts.OnTime, Late = (int)counts.Late, Overdue = (int)counts.Overdue,
        Pending = (int)counts.Pending, Undeliverable = (int)counts.Undeliverable,
    };

    private static Timestamp? Optional(DateTime? utc) => utc is { } value ? ProtoTime.ToTimestamp(value) : null;
}
