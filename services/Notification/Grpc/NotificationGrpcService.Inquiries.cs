using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Program287g.Audit;
using Program287g.Domain;
using Program287g.Notification.Data;
using Program287g.Notification.Domain;
using Program287g.Notification.Templates;
using Program287g.Notification.V1;
using NotificationKind = Program287g.Notification.Domain.NotificationKind;
using Program287g.Persistence;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Errors;

namespace Program287g.Notification.Grpc;

/// <summary>Inquiries: each recorded with its acknowledgment in one transaction, answered with the answer's email in
/// another; the sender sends both within seconds.</summary>
public sealed partial class NotificationGrpcService
{
    private const int DefaultPageSize = 50;

    public override async Task<SubmitInquiryResponse> SubmitInquiry(SubmitInquiryRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var agencyId = request.AgencyId.Length > 0 ? Guid.Parse(request.AgencyId) : caller.IsAgencyUser ? AgencyScope.Own(caller) : (Guid?)null;
        if (agencyId is { } asked)
        {
            caller.EnsureMayActFor(asked.ToString());
        }
        Guid? requestId = request.RequestId.Length > 0 ? Guid.Parse(request.RequestId) : null;
        if (requestId is { } retried && await inquiries.FindByRequestAsync(retried, context.CancellationToken) is { } earlier)
        {
            return new SubmitInquiryResponse { Inquiry = await ReadableAsync(earlier, caller, context) };
        }
        var agencyName = agencyId is { } id ? await directory.NameOfAsync(id, context.CancellationToken) : null;
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(context.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(context.CancellationToken);
        var draft = new InquiryDraft
        {
            RequestId = requestId, InquirerName = SpacedText.Collapse(request.InquirerName), ContactEmail = request.ContactEmail.Trim(),
            Subject = SpacedText.Collapse(request.Subject), Body = request.Text.Trim(), AgencyId = agencyId, SubmittedBy = caller.Subject,
            ReceivedAt = now,
        };
        var opened = await opening.OpenAsync(transaction, draft, new InquiryAcknowledgment(draft.InquirerName, agencyName, null),
            context.CancellationToken);
        if (opened is null)
        {
            // The same request id committed meanwhile (two retries racing): that one is the inquiry.
            await transaction.RollbackAsync(context.CancellationToken);
            var winner = await inquiries.FindByRequestAsync(requestId!.Value, context.CancellationToken);
            return new SubmitInquiryResponse { Inquiry = await ReadableAsync(winner!, caller, context) };
        }
        await AuditTrail.RecordAsync(transaction, NotificationAudit.Inquiry(AuditActor.From(context), opened.Inquiry), context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return new SubmitInquiryResponse { Inquiry = opened.Inquiry.ToMessage([opened.Acknowledgment], now) };
    }

    public override async Task<GetInquiryResponse> GetInquiry(GetInquiryRequest request, ServerCallContext context)
    {
        var inquiry = await inquiries.FindAsync(Guid.Parse(request.InquiryId), context.CancellationToken)
            ?? throw RpcErrors.NotFound("inquiry", request.InquiryId);
        return new GetInquiryResponse { Inquiry = await ReadableAsync(inquiry, Caller.From(context), context) };
    }

    [Authorize(Policy = Policies.ProgramStaff)]
    public override async Task<AnswerInquiryResponse> AnswerInquiry(AnswerInquiryRequest request, ServerCallContext context)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(context.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(context.CancellationToken);
        var inquiry = await InquiryStore.LockAsync(transaction, Guid.Parse(request.InquiryId), context.CancellationToken)
            ?? throw RpcErrors.NotFound("inquiry", request.InquiryId);
        if (inquiry.IsAnswered)
        {
            throw RpcErrors.FailedPrecondition(
                $"Inquiry {inquiry.ReferenceNumber} was answered already, at {inquiry.AnsweredAt:yyyy-MM-ddTHH:mm:ssZ}; it is answered once.");
        }
        var answered = inquiry with
        {
            AnsweredAt = DatabaseTime.ToStoredPrecision(now), AnsweredBy = Caller.From(context).Subject, Answer = request.Answer.Trim(),
        };
        await InquiryStore.AnswerAsync(transaction, answered, context.CancellationToken);
        var askedOn = ClockFace.Day((await calendars.CurrentAsync(transaction, context.CancellationToken))
            .DateOf(new DateTimeOffset(answered.ReceivedAt, TimeSpan.Zero)));
        await recorder.RecordAsync(transaction, new NotificationDraft
        {
            Kind = NotificationKind.InquiryAnswer, SourceId = inquiry.Id, ReferenceNumber = inquiry.ReferenceNumber,
            AgencyId = inquiry.AgencyId, RecipientName = inquiry.InquirerName, RecipientEmail = inquiry.ContactEmail, ReceivedAt = now,
            Details = new InquiryAnswered(inquiry.Subject, inquiry.Body, answered.Answer, askedOn),
        }, context.CancellationToken);
        await AuditTrail.RecordAsync(transaction, NotificationAudit.Inquiry(AuditActor.From(context), answered), context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return new AnswerInquiryResponse { Inquiry = await WithNotificationsAsync(answered, now, context) };
    }

    public override async Task<ListInquiriesResponse> ListInquiries(ListInquiriesRequest request, ServerCallContext context)
    {
        var agencyId = AgencyScope.Of(Caller.From(context), request.AgencyId);
        var filter = new InquiryFilter(request.Status switch
        {
            InquiryStatus.Open => false,
            InquiryStatus.Answered => true,
            _ => null,
        }, request.OverdueOnly, agencyId);
        var filterKey = $"inquiries|{filter.Answered}|{filter.OverdueOnly}|{agencyId}";
        var resumed = PageToken.Decode(request.PageToken, filterKey);
        var now = resumed?.AsOf ?? clock.GetUtcNow();
        var size = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var rows = await inquiries.ListAsync(filter, resumed?.Cursor, size + 1, now, context.CancellationToken);
        var page = rows.Take(size).ToList();
        var sent = await notifications.FromSourcesAsync(page.Select(i => i.Id).ToList(), context.CancellationToken);
        var response = new ListInquiriesResponse
        {
            NextPageToken = rows.Count > size ? PageToken.Encode(new ListCursor(page[^1].ReceivedAt, page[^1].Id), filterKey, now) : "",
            AsOf = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now),
        };
        response.Inquiries.AddRange(page.Select(i => i.ToMessage(sent, now)));
        return response;
    }

    /// <summary>The inquiry with its emails, if the caller may see it: PERMISSION_DENIED for an agency user asking about
    /// another agency's, or about one that names no agency.</summary>
    private async Task<V1.Inquiry> ReadableAsync(InquiryRecord inquiry, Caller caller, ServerCallContext context)
    {
        caller.EnsureMayActFor(inquiry.AgencyId?.ToString() ?? "");
        return await WithNotificationsAsync(inquiry, clock.GetUtcNow(), context);
    }

    private async Task<V1.Inquiry> WithNotificationsAsync(InquiryRecord inquiry, DateTimeOffset now, ServerCallContext context) =>
        inquiry.ToMessage(await notifications.FromSourcesAsync([inquiry.Id], context.CancellationToken), now);
}
