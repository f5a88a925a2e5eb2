using Microsoft.Extensions.Options;
using Program287g.Domain;
using Program287g.Notification.Data;
using Program287g.Notification.Domain;
using Program287g.Notification.Grpc;
using Program287g.Notification.Sending;

namespace Program287g.Notification.Mailbox;

/// <summary>What a message is to become. <see cref="MakesInquiry"/>: an inquiry is opened and acknowledged;
/// <see cref="Application"/>: the Agreement service is asked to make it; <see cref="ReferenceNumber"/> for a reply:
/// the record it joins.</summary>
public sealed record MailDecision(MailboxOutcome Outcome, string Reason, bool NeedsAttention, bool MakesInquiry,
    string? ReferenceNumber = null, Guid? AgencyId = null, ApplicationDocuments.Found? Application = null);

/// <summary>Decides what a person's email, an automatic one, a reply and an application each become. It reads (the
/// records a reply threads to, the agency a sender belongs to) and writes nothing: <see cref="MailIntake"/> records the
/// decision in one transaction.</summary>
public sealed class MailDeciding(MailboxStore mailbox, AgencyDirectory directory, IOptions<SendingOptions> sending)
{
    /// <summary>Why the mail is automatic (including the program's own emails coming back), or null for a person's.</summary>
    public string? AutomaticReason(IncomingMail mail) =>
        AutomaticMail.Reason(mail.Message, MimeKit.MailboxAddress.Parse(sending.Value.From).Address, sending.Value.MessageIdDomain);

    public async Task<MailDecision> DecideAsync(IncomingMail mail, CancellationToken cancellationToken)
    {
        if (AutomaticReason(mail) is { } automatic)
        {
            return new MailDecision(MailboxOutcome.Automatic, automatic, NeedsAttention: false, MakesInquiry: false);
        }
        if (mail.ReplyTo is null)
        {
            return new MailDecision(MailboxOutcome.Malformed, "No sender address to answer (From, Sender and Reply-To name nobody)",
                NeedsAttention: true, MakesInquiry: false);
        }
        var documents = ApplicationDocuments.Find(mail.Attachments, mail.Subject, mail.Text);
        if (documents.HasBothDocuments)
        {
            return await ApplicationAsync(mail, documents, cancellationToken);
        }
        var reference = await mailbox.ReferenceOfThreadAsync(mail.Thread, cancellationToken)
            ?? await mailbox.FirstKnownAsync(QuotedReferences.In(mail.Subject + "\n" + mail.Text), cancellationToken);
        return reference is not null
            ? new MailDecision(MailboxOutcome.Correspondence, $"Continues {reference}", NeedsAttention: false, MakesInquiry: false,
                ReferenceNumber: reference)
            : new MailDecision(MailboxOutcome.Inquiry, "A person's email that is neither an application nor a reply",
                NeedsAttention: false, MakesInquiry: true);
    }

    /// <summary>Both documents are there: an application, if the agency and the model can be told; else an inquiry for a
    /// person, who files it as an application (FileMailAsApplication) once they know.</summary>
    private async Task<MailDecision> ApplicationAsync(IncomingMail mail, ApplicationDocuments.Found documents,
        CancellationToken cancellationToken)
    {
        var sender = await directory.ForSenderAsync(mail.From?.Address ?? mail.ReplyTo!.Address, cancellationToken);
        if (sender.AgencyId is { } agencyId && documents.Model is { } model)
        {
            return new MailDecision(MailboxOutcome.Application, $"A signed Letter of Interest and MOA for the {model.Code()}: {sender.Reason}",
                NeedsAttention: false, MakesInquiry: false, AgencyId: agencyId, Application: documents);
        }
        var missing = string.Join("; ", new[] { sender.AgencyId is null ? sender.Reason : null, documents.Missing }.OfType<string>());
        return new MailDecision(MailboxOutcome.Inquiry,
            $"Looks like an application (a Letter of Interest and an MOA attached), but {missing}: for a person to file",
            NeedsAttention: true, MakesInquiry: true, AgencyId: sender.AgencyId, Application: documents);
    }
}
