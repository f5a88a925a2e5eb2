using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Program287g.Notification.Data;
using Program287g.Notification.Domain;
using Program287g.Notification.V1;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Errors;
using Program287g.ServiceDefaults.Grpc;
using SlaCounts = Program287g.Notification.Data.SlaCounts;

namespace Program287g.Notification.Grpc;

/// <summary>The record of every acknowledgment and notice, and the SLA report read from it.</summary>
public sealed partial class NotificationGrpcService
{
    public override async Task<GetNotificationResponse> GetNotification(GetNotificationRequest request, ServerCallContext context)
    {
        var notification = await notifications.FindAsync(Guid.Parse(request.NotificationId), context.CancellationToken)
            ?? throw RpcErrors.NotFound("notification", request.NotificationId);
        Caller.From(context).EnsureMayActFor(notification.AgencyId?.ToString() ?? "");
        return new GetNotificationResponse { Notification = notification.ToMessage(clock.GetUtcNow()) };
    }

    public override async Task<ListNotificationsResponse> ListNotifications(ListNotificationsRequest request, ServerCallContext context)
    {
        var filter = new NotificationFilter(NotificationMapping.ToDomain(request.Kind), NotificationMapping.ToDomain(request.Status),
            AgencyScope.Of(Caller.From(context), request.AgencyId), NotificationMapping.ToDomain(request.Timeliness),
            request.ReceivedFrom?.ToDateTimeOffset(), request.ReceivedBefore?.ToDateTimeOffset());
        var filterKey = $"notifications|{filter.Kind}|{filter.Status}|{filter.AgencyId}|{filter.Timeliness}|"
            + $"{filter.ReceivedFrom:O}|{filter.ReceivedBefore:O}";
        var resumed = PageToken.Decode(request.PageToken, filterKey);
        var now = resumed?.AsOf ?? clock.GetUtcNow();
        var size = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var rows = await notifications.ListAsync(filter, resumed?.Cursor, size + 1, now, context.CancellationToken);
        var page = rows.Take(size).ToList();
        var response = new ListNotificationsResponse
        {
            NextPageToken = rows.Count > size ? PageToken.Encode(new ListCursor(page[^1].ReceivedAt, page[^1].Id), filterKey, now) : "",
            AsOf = Timestamp.FromDateTimeOffset(now),
        };
        response.Notifications.AddRange(page.Select(n => n.ToMessage(now)));
        return response;
    }

    [Authorize(Policy = Policies.StaffOrInternal)]
    public override async Task<GetSlaReportResponse> GetSlaReport(GetSlaReportRequest request, ServerCallContext context)
    {
        var calendar = await calendars.CurrentAsync(context.CancellationToken);
        var (first, last) = (request.FirstDay.ToDateOnly()!.Value, request.LastDay.ToDateOnly()!.Value);
        var (from, to) = (calendar.StartOf(first), calendar.StartOf(last.AddDays(1)));
        var now = clock.GetUtcNow();
        var byKind = await sla.NotificationsAsync(from, to, now, context.CancellationToken);
        var response = new GetSlaReportResponse
        {
            FirstDay = request.FirstDay, LastDay = request.LastDay, AsOf = Timestamp.FromDateTimeOffset(now),
            NotificationsTotal = byKind.Values.Aggregate(SlaCounts.None, (sum, counts) => sum.Plus(counts)).ToMessage(),
            InquiryAnswers = (await sla.InquiryAnswersAsync(from, to, now, context.CancellationToken)).ToMessage(),
            TimeZone = calendar.Zone.Id,
        };
        response.Notifications.AddRange(NotificationKinds.All.Select(kind => new SlaLine
        {
            Kind = NotificationMapping.ToProto(kind), Counts = byKind.GetValueOrDefault(kind, SlaCounts.None).ToMessage(),
        }));
        return response;
    }
}
