using Program287g.Domain;
using Program287g.Notification.Domain;
using Program287g.ServiceDefaults.Grpc;
using ProtoOutcome = Program287g.Notification.V1.MailboxOutcome;

namespace Program287g.Notification.Grpc;

internal static class MailboxMapping
{
    public static V1.MailboxMessage ToMessage(this MailboxMessageRecord record, IReadOnlyList<MailboxCopyRecord>? copies = null)
    {
        var message = new V1.MailboxMessage
        {
            MailboxMessageId = record.Id.ToString(), InternetMessageId = record.InternetMessageId ?? "",
            ReceivedAt = ProtoTime.ToTimestamp(record.ReceivedAt), RecordedAt = ProtoTime.ToTimestamp(record.RecordedAt),
            FromAddress = record.FromAddress ?? "", FromName = record.FromName ?? "", Subject = record.Subject,
            SizeBytes = record.SizeBytes, Outcome = ToProto(record.CurrentOutcome), OutcomeReason = record.OutcomeReason,
            ReferenceNumber = record.ReferenceNumber ?? "", InquiryId = record.InquiryId?.ToString() ?? "",
            AgencyId = record.AgencyId?.ToString() ?? "", NeedsAttention = record.NeedsAttention,
            Headers = copies is null ? "" : record.Headers,
            // W3C traceparent: "00-{trace id}-{span id}-{flags}".
            TraceId = record.TraceParent?.Split('-') is [_, var traceId, ..] ? traceId : "",
        };
        message.Copies.AddRange((copies ?? []).Select(copy => new V1.MailboxCopy
        {
            Folder = copy.Folder, UidValidity = copy.UidValidity, Uid = copy.Uid, SeenAt = ProtoTime.ToTimestamp(copy.SeenAt),
        }));
        return message;
    }

    public static ProtoOutcome ToProto(MailboxOutcome outcome) => outcome switch
    {
        MailboxOutcome.Application => ProtoOutcome.Application,
        MailboxOutcome.Inquiry => ProtoOutcome.Inquiry,
        MailboxOutcome.Correspondence => ProtoOutcome.Correspondence,
        MailboxOutcome.Automatic => ProtoOutcome.Automatic,
        MailboxOutcome.TooLarge => ProtoOutcome.TooLarge,
        MailboxOutcome.Malformed => ProtoOutcome.Malformed,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static MailboxOutcome? ToDomain(ProtoOutcome outcome) => outcome == ProtoOutcome.Unspecified
        ? null
        : Enum.GetValues<MailboxOutcome>().Single(candidate => ToProto(candidate) == outcome);

    public static ProgramModel? ToDomain(V1.MailedApplicationModel model) => model switch
    {
        V1.MailedApplicationModel.Jem => ProgramModel.JailEnforcement,
        V1.MailedApplicationModel.Tfm => ProgramModel.TaskForce,
        V1.MailedApplicationModel.Wso => ProgramModel.WarrantServiceOfficer,
        _ => null,
    };
}
