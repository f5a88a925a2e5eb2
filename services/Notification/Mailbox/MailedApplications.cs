using Program287g.Contracts.Mailbox;
using Program287g.Domain;

namespace Program287g.Notification.Mailbox;

/// <summary>The event that asks the Agreement service for an emailed application, by the intake or by staff.</summary>
public static class MailedApplications
{
    public static ApplicationReceivedByMail Event(MailOrigin mail, Guid agencyId, ApplicationDocuments.Found documents, string actor,
        DateTimeOffset now, ProgramModel? model = null) => new()
    {
        MessageId = Guid.CreateVersion7(), OccurredAt = now, Mail = mail, AgencyId = agencyId,
        Model = (model ?? documents.Model!.Value).Code(), Actor = actor,
        LetterOfInterest = Document(documents.LetterOfInterest!), Moa = Document(documents.Moa!),
    };

    private static MailedDocument Document(MailAttachment attachment) =>
        new(attachment.FileName, attachment.ContentType, attachment.Data);
}
