using System.Security.Cryptography;
using Grpc.Core;
using MassTransit;
using Npgsql;
using Program287g.Agreement.Data;
using Program287g.Agreement.Domain;
using Program287g.Agreement.Grpc;
using Program287g.Contracts.Mailbox;
using Program287g.Messaging.Inbox;
using Program287g.Messaging.Outbox;
using AgreementStatus = Program287g.Agreement.Domain.AgreementStatus;

namespace Program287g.Agreement.Messaging;

/// <summary>Makes the application an email brought, with both documents stored, in the inbox transaction: a redelivery
/// makes nothing more. From an agency with an agreement in force under the model it is the renewal of that agreement
/// (an agency that signs and sends a new MOA is re-signing; by API it says so with renews_agreement_id). An application
/// that cannot be made (the agency is not a law enforcement agency, or has an open application for the model already, a
/// first one or a renewal) is answered with MailedApplicationNotTaken, and the email becomes an inquiry for staff: it is
/// never dropped. An Agency service that cannot answer throws, and the bus retries.</summary>
public sealed class ApplicationReceivedByMailConsumer(NpgsqlDataSource database, AgencyDirectory directory, TimeProvider clock)
    : IdempotentConsumer<ApplicationReceivedByMail>(database)
{
    /// <summary>Who a mailed application's history names: the intake, or the staff member who filed it.</summary>
    public const string MailboxRole = "mailbox";

    protected override async Task HandleAsync(ConsumeContext<ApplicationReceivedByMail> context, NpgsqlTransaction transaction)
    {
        var received = context.Message;
        var cancellationToken = context.CancellationToken;
        AgencySnapshot agency;
        try
        {
            agency = await directory.GetLawEnforcementAgencyAsync(received.AgencyId, cancellationToken);
        }
        catch (RpcException refused) when (refused.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition)
        {
            await transaction.EnqueueAsync(NotTaken(received, refused.Status.Detail), cancellationToken);
            return;
        }
        // Locked: a supersession or termination of the agreement in force waits until the renewal is in, or the other
        // way round, as for SubmitApplication's renewals.
        var places = await AgencyPlaces.LockAsync(transaction, agency.Id, received.Model, cancellationToken);
        if (places.Application is not null)
        {
            await transaction.EnqueueAsync(NotTaken(received, AlreadyOpen(agency, received.Model, places)), cancellationToken);
            return;
        }
        var mail = received.Mail;
        var (letter, storedLetter) = Take(received.LetterOfInterest, mail);
        var (moa, storedMoa) = Take(received.Moa, mail);
        var renewed = places.InForce;
        var draft = AgreementGrpcService.NewAgreement(agency, received.Model, AgreementStatus.Pending, mail.ReceivedAt,
            AgreementEvents.MailboxSource) with { LetterOfInterest = letter, AgencySignedMoa = moa, Renews = renewed?.Id };
        var actor = new Actor(received.Actor, MailboxRole);
        var note = (renewed is null ? "" : $"Renews {renewed.Id} ({renewed.ReferenceNumber}). ")
            + $"Received by email from {mail.FromName} <{mail.FromAddress}>, \"{mail.Subject}\""
            + (mail.MessageId is { } id ? $" (Message-ID <{id}>)" : "")
            + "; the signers' names, titles and dates are the sender's and the email's, to be confirmed from the documents.";
        var created = await AgreementStore.InsertAsync(transaction, draft, mail.ReceivedAt, actor, "submitted", note,
            [storedLetter, storedMoa], cancellationToken);
        if (created is null)
        {
            // The place was taken meanwhile (the lock holds only the rows that were there): a person looks at it.
            var taken = await AgencyPlaces.LockAsync(transaction, draft.AgencyId, draft.Model, cancellationToken);
            await transaction.EnqueueAsync(NotTaken(received, AlreadyOpen(agency, received.Model, taken)), cancellationToken);
            return;
        }
        await transaction.EnqueueAsync(AgreementEvents.Submitted(created, actor, AgreementEvents.MailboxSource, clock.GetUtcNow())
            with { ReceivedByMail = mail }, cancellationToken);
    }

    /// <summary>The document as recorded: an email carries no signer fields, so the sender stands for the signer and the
    /// day it arrived for the day it was signed, until staff confirm them from the document.</summary>
    private static (DocumentInfo Info, StoredDocument Stored) Take(MailedDocument document, MailOrigin mail)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(document.Data));
        var signer = string.IsNullOrWhiteSpace(mail.FromName) ? mail.FromAddress : mail.FromName.Trim();
        return (new DocumentInfo(signer, "", DateOnly.FromDateTime(mail.ReceivedAt.UtcDateTime), null, sha256, document.Data.Length),
            new StoredDocument(sha256, document.Data));
    }

    /// <summary>Why the place is taken, in SubmitApplication's words.</summary>
    private static string AlreadyOpen(AgencySnapshot agency, string model, AgencyPlaces places) => places.Application is { } open
        ? $"{agency.Name} already has an open {model} {(open.Renews is null ? "application" : "renewal")} ({open.ReferenceNumber}); "
            + "an agency holds one open application per model: ICE decides it, or the agency withdraws it, before another."
        : $"{agency.Name} already has a {places.InForce?.Status} {model} agreement ({places.InForce?.ReferenceNumber}); "
            + "an agency holds one agreement in force per model, and one open application beside it.";

    private MailedApplicationNotTaken NotTaken(ApplicationReceivedByMail received, string reason) => new()
    {
        MessageId = Guid.CreateVersion7(), OccurredAt = clock.GetUtcNow(), Mail = received.Mail, AgencyId = received.AgencyId,
        Model = received.Model, Reason = reason,
    };
}
