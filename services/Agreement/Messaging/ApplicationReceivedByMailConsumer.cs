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
/// makes nothing more. An application that cannot be made (the agency is not a law enforcement agency, or holds an
/// open application or agreement for the model already) is answered with MailedApplicationNotTaken, and the email
/// becomes an inquiry for staff: it is never dropped. An Agency service that cannot answer throws, and the bus retries.</summary>
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
        var mail = received.Mail;
        var (letter, storedLetter) = Take(received.LetterOfInterest, mail);
        var (moa, storedMoa) = Take(received.Moa, mail);
        var draft = AgreementGrpcService.NewAgreement(agency, received.Model, AgreementStatus.Pending, mail.ReceivedAt,
            AgreementEvents.MailboxSource) with { LetterOfInterest = letter, AgencySignedMoa = moa };
        var actor = new Actor(received.Actor, MailboxRole);
        var note = $"Received by email from {mail.FromName} <{mail.FromAddress}>, \"{mail.Subject}\""
            + (mail.MessageId is { } id ? $" (Message-ID <{id}>)" : "")
            + "; the signers' names, titles and dates are the sender's and the email's, to be confirmed from the documents.";
        var created = await AgreementStore.InsertAsync(transaction, draft, mail.ReceivedAt, actor, "submitted", note,
            [storedLetter, storedMoa], cancellationToken);
        if (created is null)
        {
            var places = await AgencyPlaces.LockAsync(transaction, draft.AgencyId, draft.Model, cancellationToken);
            var open = places.InForce ?? places.Application;
            await transaction.EnqueueAsync(NotTaken(received,
                $"{agency.Name} already has a {open?.Status} {received.Model} application or agreement ({open?.ReferenceNumber}); "
                + "an agency holds one open application or agreement per model."), cancellationToken);
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

    private MailedApplicationNotTaken NotTaken(ApplicationReceivedByMail received, string reason) => new()
    {
        MessageId = Guid.CreateVersion7(), OccurredAt = clock.GetUtcNow(), Mail = received.Mail, AgencyId = received.AgencyId,
        Model = received.Model, Reason = reason,
    };
}
