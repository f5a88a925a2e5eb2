using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Program287g.Audit;
using Program287g.Domain;
using Program287g.Messaging.Outbox;
using Program287g.Notification.Data;
using Program287g.Notification.Domain;
using Program287g.Notification.Mailbox;
using Program287g.Notification.V1;
using Program287g.Persistence;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Errors;
using MailboxOutcome = Program287g.Notification.Domain.MailboxOutcome;

namespace Program287g.Notification.Grpc;

/// <summary>The program mailbox's records, and staff filing an email as an application.</summary>
public sealed partial class NotificationGrpcService
{
    [Authorize(Policy = Policies.ProgramStaff)]
    public override async Task<ListMailboxMessagesResponse> ListMailboxMessages(ListMailboxMessagesRequest request,
        ServerCallContext context)
    {
        var filter = new MailboxFilter(request.NeedsAttentionOnly, MailboxMapping.ToDomain(request.Outcome)?.Key(),
            request.ReferenceNumber.Length == 0 ? null : request.ReferenceNumber.Trim().ToUpperInvariant());
        var filterKey = $"mailbox|{filter.NeedsAttentionOnly}|{filter.Outcome}|{filter.ReferenceNumber}";
        var resumed = PageToken.Decode(request.PageToken, filterKey);
        var size = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var rows = await mailbox.ListAsync(filter, resumed?.Cursor, size + 1, context.CancellationToken);
        var page = rows.Take(size).ToList();
        var response = new ListMailboxMessagesResponse
        {
            NextPageToken = rows.Count > size
                ? PageToken.Encode(new ListCursor(page[^1].ReceivedAt, page[^1].Id), filterKey, clock.GetUtcNow()) : "",
        };
        response.Messages.AddRange(page.Select(message => message.ToMessage()));
        return response;
    }

    [Authorize(Policy = Policies.ProgramStaff)]
    public override async Task<GetMailboxMessageResponse> GetMailboxMessage(GetMailboxMessageRequest request, ServerCallContext context)
    {
        var id = Guid.Parse(request.MailboxMessageId);
        var message = await mailbox.FindAsync(id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("mailbox message", request.MailboxMessageId);
        return new GetMailboxMessageResponse { Message = message.ToMessage(await mailbox.CopiesAsync(id, context.CancellationToken)) };
    }

    /// <summary>The email's documents go to the Agreement service as the named agency's application, through the outbox
    /// in the transaction that records the filing: the inquiry it became is answered by the filing (the application's
    /// acknowledgment is the email the sender gets).</summary>
    [Authorize(Policy = Policies.ProgramStaff)]
    public override async Task<FileMailAsApplicationResponse> FileMailAsApplication(FileMailAsApplicationRequest request,
        ServerCallContext context)
    {
        var id = Guid.Parse(request.MailboxMessageId);
        var agencyId = Guid.Parse(request.AgencyId);
        var agencyName = await directory.NameOfAsync(agencyId, context.CancellationToken);
        var staff = Caller.From(context).Subject;
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(context.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(context.CancellationToken);
        var message = await MailboxStore.LockAsync(transaction, id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("mailbox message", request.MailboxMessageId);
        if (message.CurrentOutcome == MailboxOutcome.Application)
        {
            throw RpcErrors.FailedPrecondition($"The email {message.Id} is an application already ({message.OutcomeReason}).");
        }
        var mail = await MailboxStore.RawAsync(transaction, id, context.CancellationToken) is { } raw ? IncomingMail.Parse(raw) : null;
        if (mail?.ReplyTo is null)
        {
            throw RpcErrors.FailedPrecondition(
                $"The email {message.Id} was not kept as a readable message ({message.OutcomeReason}); its documents cannot be taken from it.");
        }
        var documents = ApplicationDocuments.Find(mail.Attachments, mail.Subject, mail.Text);
        if (!documents.HasBothDocuments)
        {
            throw RpcErrors.FailedPrecondition($"The email {message.Id} is not an application: {documents.Missing}.");
        }
        var model = MailboxMapping.ToDomain(request.Model) ?? documents.Model
            ?? throw RpcErrors.InvalidArgument("model", "'model' must be given: the MOA attached names no single model.");
        await transaction.EnqueueAsync(MailedApplications.Event(MailIntake.Origin(message, mail), agencyId, documents, staff, now, model),
            context.CancellationToken);
        var reason = $"Filed by {staff} as the {model.Code()} application of {agencyName}";
        await MailboxStore.UpdateOutcomeAsync(transaction, id, MailboxOutcome.Application, reason, needsAttention: false, null, null,
            agencyId, context.CancellationToken);
        var auditor = AuditActor.From(context);
        List<AuditEntry> audit = [NotificationAudit.MailFiled(auditor, id, agencyId, model.Code())];
        if (message.InquiryId is { } inquiryId && await InquiryStore.LockAsync(transaction, inquiryId, context.CancellationToken) is
            { IsAnswered: false } inquiry)
        {
            var answered = inquiry with
            {
                AnsweredAt = DatabaseTime.ToStoredPrecision(now), AnsweredBy = staff,
                Answer = $"{reason}; the application's acknowledgment answers the email.",
            };
            await InquiryStore.AnswerAsync(transaction, answered, context.CancellationToken);
            // The filing answers the inquiry the email had become: that record was touched too.
            audit.Add(NotificationAudit.Inquiry(auditor, answered));
        }
        await AuditTrail.RecordAsync(transaction, audit, context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        var filed = await mailbox.FindAsync(id, context.CancellationToken);
        return new FileMailAsApplicationResponse { Message = filed!.ToMessage() };
    }
}
