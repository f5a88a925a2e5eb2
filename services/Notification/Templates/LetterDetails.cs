using Program287g.Notification.Domain;

namespace Program287g.Notification.Templates;

// What each kind of email says beyond its envelope (recipient, reference, received, due): the values its templates
// read, as the event or request gave them. Stored as JSON on the notification and rendered when it is sent. Dates are
// program dates, written as the templates show them.

public sealed record ApplicationReceived(string AgencyName, string State, string ModelName, string LetterOfInterestSigner,
    string MoaSigner);

public sealed record NominationReceived(string AgencyName, string OfficerName, string ModelName, string AgreementReference,
    string NominatedBy);

public sealed record InquiryReceived(string Subject, string? AgencyName);

public sealed record InquiryAnswered(string Subject, string Question, string Answer, string AskedOn);

public sealed record AgreementSigned(string AgencyName, string ModelName, string ActiveFrom, string IceSignerName,
    string IceSignerTitle);

public sealed record AuthorizationIssued(string AgencyName, string OfficerName, string ModelName, string AuthorizationNumber,
    string IssuedOn, string IssuingOffice, string RefresherDueOn, string? ExpiresOn);

/// <summary>Which details record each kind's templates read.</summary>
public static class LetterDetails
{
    public static Type TypeOf(NotificationKind kind) => kind switch
    {
        NotificationKind.ApplicationAcknowledgment => typeof(ApplicationReceived),
        NotificationKind.NominationAcknowledgment => typeof(NominationReceived),
        NotificationKind.InquiryAcknowledgment => typeof(InquiryReceived),
        NotificationKind.InquiryAnswer => typeof(InquiryAnswered),
        NotificationKind.AgreementSignedNotice => typeof(AgreementSigned),
        NotificationKind.AuthorizationIssuedNotice => typeof(AuthorizationIssued),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
