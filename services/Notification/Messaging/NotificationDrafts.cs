using Program287g.Contracts.Agreement;
using Program287g.Contracts.Nominee;
using Program287g.Domain;
using Program287g.Notification.Domain;
using Program287g.Notification.Templates;
using AgreementSignedEvent = Program287g.Contracts.Agreement.AgreementSigned;
using AuthorizationIssuedEvent = Program287g.Contracts.Nominee.AuthorizationIssued;

namespace Program287g.Notification.Messaging;

/// <summary>What each event asks the program to write, to whom, and since when it is owed. The events carry the
/// agency's point of contact, so no call back is needed; an agency without one yields an undeliverable notification,
/// recorded and listed, not a failed consumer.</summary>
public static class NotificationDrafts
{
    /// <summary>The Agreement service's source for changes taken from ICE's published lists: history, which asks for no
    /// acknowledgment. Such events are recorded as not requiring one, so the lists show them.</summary>
    public const string IceListImport = "ice-list-import";

    public const string FromIceLists = "Taken from ICE's published lists: history, which asks for no acknowledgment.";

    /// <summary>An application that came by email is acknowledged to whoever sent it, as the reply to that email, from
    /// when the mailbox received it; one made through the API, to the agency's point of contact.</summary>
    public static NotificationDraft From(ApplicationSubmitted submitted, Guid messageId) => new()
    {
        Kind = NotificationKind.ApplicationAcknowledgment, SourceId = messageId, ReferenceNumber = submitted.ReferenceNumber,
        AgencyId = submitted.AgencyId,
        RecipientName = submitted.ReceivedByMail is { } mail ? mail.FromName : submitted.ContactName,
        RecipientEmail = submitted.ReceivedByMail?.FromAddress ?? submitted.ContactEmail,
        InReplyTo = submitted.ReceivedByMail?.MessageId,
        ReceivedAt = submitted.ReceivedByMail?.ReceivedAt ?? submitted.SubmittedAt,
        NotRequiredBecause = submitted.Source == IceListImport ? FromIceLists : null,
        Details = new ApplicationReceived(submitted.AgencyName, submitted.State, ModelName(submitted.Model),
            submitted.LetterOfInterestSigner, submitted.MoaSigner),
    };

    public static NotificationDraft From(AgreementSignedEvent agreement, Guid messageId) => new()
    {
        Kind = NotificationKind.AgreementSignedNotice, SourceId = messageId, ReferenceNumber = agreement.ReferenceNumber,
        AgencyId = agreement.AgencyId, RecipientName = agreement.ContactName, RecipientEmail = agreement.ContactEmail,
        ReceivedAt = agreement.OccurredAt, NotRequiredBecause = agreement.Source == IceListImport ? FromIceLists : null,
        Details = new Templates.AgreementSigned(agreement.AgencyName, ModelName(agreement.Model), ClockFace.Day(agreement.ActiveFrom),
            agreement.IceSignerName, agreement.IceSignerTitle),
    };

    /// <summary>The nomination was received when the Nominee service recorded it: the acknowledgment is owed from then,
    /// however late the event arrives.</summary>
    public static NotificationDraft From(OfficerNominated nominated, Guid messageId)
    {
        var nominee = nominated.Nominee;
        return new()
        {
            Kind = NotificationKind.NominationAcknowledgment, SourceId = messageId, ReferenceNumber = nominee.ReferenceNumber,
            AgencyId = nominee.AgencyId, RecipientName = nominee.ContactName, RecipientEmail = nominee.ContactEmail,
            ReceivedAt = nominated.NominatedAt,
            Details = new NominationReceived(nominee.AgencyName, nominee.OfficerName, ModelName(nominee.Model),
                nominee.AgreementReference, nominated.NominatedBy),
        };
    }

    public static NotificationDraft From(AuthorizationIssuedEvent issued, Guid messageId)
    {
        var nominee = issued.Nominee;
        return new()
        {
            Kind = NotificationKind.AuthorizationIssuedNotice, SourceId = messageId, ReferenceNumber = nominee.ReferenceNumber,
            AgencyId = nominee.AgencyId, RecipientName = nominee.ContactName, RecipientEmail = nominee.ContactEmail,
            ReceivedAt = issued.OccurredAt,
            Details = new Templates.AuthorizationIssued(nominee.AgencyName, nominee.OfficerName, ModelName(nominee.Model),
                issued.AuthorizationNumber, ClockFace.Day(issued.IssuedOn), issued.IssuingOffice, ClockFace.Day(issued.RefresherDueOn),
                issued.ExpiresOn is { } expires ? ClockFace.Day(expires) : null),
        };
    }

    /// <summary>"Jail Enforcement Model" for "JEM"; a code the program does not know is written as it came.</summary>
    private static string ModelName(string code) => ProgramModels.Parse(code)?.FullName() ?? code;
}
