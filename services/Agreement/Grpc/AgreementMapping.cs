using Google.Protobuf.WellKnownTypes;
using Program287g.Agreement.Domain;
using Program287g.Agreement.V1;
using Program287g.Domain;
using Program287g.ServiceDefaults.Grpc;
using AgreementStatus = Program287g.Agreement.Domain.AgreementStatus;
using ProtoDate = Google.Type.Date;
using ProtoStatus = Program287g.Agreement.V1.AgreementStatus;

namespace Program287g.Agreement.Grpc;

/// <summary>Between stored rows and the proto messages. Models are stored by their codes ("JEM"), statuses by their
/// lower-case names, so the database reads like ICE's lists.</summary>
internal static class AgreementMapping
{
    public static V1.Agreement ToMessage(this AgreementRecord record, IEnumerable<AddendumRecord>? addenda = null)
    {
        var message = new V1.Agreement
        {
            AgreementId = record.Id.ToString(),
            ReferenceNumber = record.ReferenceNumber,
            Agency = new AgencySummary
            {
                AgencyId = record.AgencyId.ToString(), Name = record.AgencyName, State = record.State,
                Type = record.AgencyType, County = record.County ?? "",
            },
            Model = ToProto(ProgramModels.Parse(record.Model)!.Value),
            Status = ToProto(record.CurrentStatus),
            SubmittedAt = ToTimestamp(record.SubmittedAt),
            LetterOfInterest = record.LetterOfInterest?.ToMessage(),
            AgencySignedMoa = record.AgencySignedMoa?.ToMessage(),
            StatusReason = record.StatusReason ?? "",
            SupersededBy = record.SupersededBy?.ToString() ?? "",
            Supersedes = record.Supersedes?.ToString() ?? "",
            Renews = record.Renews?.ToString() ?? "",
            MoaUrl = record.MoaUrl ?? "",
            UpdatedAt = ToTimestamp(record.UpdatedAt),
            Version = record.Version,
        };
        if (record.IceSignedOn is { } iceSignedOn)
        {
            message.IceSignature = new Signature
            {
                SignerName = record.IceSignerName ?? "", SignerTitle = record.IceSignerTitle ?? "", SignedOn = ToProto(iceSignedOn),
            };
        }
        if (record.ActiveFrom is { } activeFrom)
        {
            message.ActiveFrom = ToProto(activeFrom);
        }
        if (record.Termination is { } termination)
        {
            message.Termination = new Termination
            {
                NoticeGivenBy = termination.NoticeGivenBy == "ice" ? Party.Ice : Party.Agency,
                NoticeDate = ToProto(termination.NoticeDate),
                EffectiveOn = ToProto(termination.EffectiveOn),
                Reason = termination.Reason ?? "",
            };
        }
        foreach (var addendum in addenda ?? [])
        {
            message.Addenda.Add(new Addendum
            {
                AddendumId = addendum.Id.ToString(), Description = addendum.Description,
                Document = addendum.Document.ToMessage(), RecordedAt = ToTimestamp(addendum.RecordedAt),
            });
        }
        return message;
    }

    public static DocumentRecord ToMessage(this DocumentInfo document) => new()
    {
        SignerName = document.SignerName, SignerTitle = document.SignerTitle, SignedOn = ToProto(document.SignedOn),
        Uri = document.Uri ?? "", Sha256 = document.Sha256, SizeBytes = document.SizeBytes,
    };

    public static Transition ToMessage(this TransitionRecord transition) => new()
    {
        FromStatus = transition.FromStatus is null ? ProtoStatus.Unspecified : ToProto(AgreementStatuses.Parse(transition.FromStatus)),
        ToStatus = ToProto(AgreementStatuses.Parse(transition.ToStatus)),
        Action = transition.Action,
        EffectiveAt = ToTimestamp(transition.EffectiveAt),
        RecordedAt = ToTimestamp(transition.RecordedAt),
        Actor = transition.Actor,
        ActorRole = transition.ActorRole,
        Note = transition.Note ?? "",
    };

    public static Model ToProto(ProgramModel model) => model switch
    {
        ProgramModel.JailEnforcement => Model.Jem,
        ProgramModel.TaskForce => Model.Tfm,
        ProgramModel.WarrantServiceOfficer => Model.Wso,
        _ => Model.Unspecified,
    };

    public static ProgramModel? ToDomain(Model model) => model switch
    {
        Model.Jem => ProgramModel.JailEnforcement,
        Model.Tfm => ProgramModel.TaskForce,
        Model.Wso => ProgramModel.WarrantServiceOfficer,
        _ => null,
    };

    public static ProtoStatus ToProto(AgreementStatus status) => status switch
    {
        AgreementStatus.Pending => ProtoStatus.Pending,
        AgreementStatus.Withdrawn => ProtoStatus.Withdrawn,
        AgreementStatus.Declined => ProtoStatus.Declined,
        AgreementStatus.Active => ProtoStatus.Active,
        AgreementStatus.Suspended => ProtoStatus.Suspended,
        AgreementStatus.Terminated => ProtoStatus.Terminated,
        AgreementStatus.Superseded => ProtoStatus.Superseded,
        _ => ProtoStatus.Unspecified,
    };

    /// <summary>Null for UNSPECIFIED and for values the proto does not define.</summary>
    public static AgreementStatus? ToDomain(ProtoStatus status) => status switch
    {
        ProtoStatus.Pending => AgreementStatus.Pending,
        ProtoStatus.Withdrawn => AgreementStatus.Withdrawn,
        ProtoStatus.Declined => AgreementStatus.Declined,
        ProtoStatus.Active => AgreementStatus.Active,
        ProtoStatus.Suspended => AgreementStatus.Suspended,
        ProtoStatus.Terminated => AgreementStatus.Terminated,
        ProtoStatus.Superseded => AgreementStatus.Superseded,
        _ => null,
    };

    public static ProtoDate ToProto(DateOnly date) => date.ToProtoDate();

    public static Timestamp ToTimestamp(DateTime utc) => ProtoTime.ToTimestamp(utc);
}
