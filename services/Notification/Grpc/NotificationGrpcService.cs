using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using Program287g.Audit;
using Program287g.Notification.Data;
using Program287g.Notification.Domain;
using Program287g.Notification.V1;
using Program287g.Persistence;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Errors;
using Program287g.ServiceDefaults.Grpc;
using DayKind = Program287g.Notification.Domain.DayKind;

namespace Program287g.Notification.Grpc;

/// <summary>The business-day calendar. Inquiries, and the notifications and their SLA, are in the other parts of this class.</summary>
public sealed partial class NotificationGrpcService(CalendarStore calendars, NpgsqlDataSource database, InquiryStore inquiries,
    NotificationStore notifications, NotificationRecorder recorder, InquiryOpening opening, SlaQueries sla, AgencyDirectory directory,
    MailboxStore mailbox, TimeProvider clock)
    : NotificationService.NotificationServiceBase
{
    public override async Task<IsBusinessDayResponse> IsBusinessDay(IsBusinessDayRequest request, ServerCallContext context)
    {
        var calendar = await calendars.CurrentAsync(context.CancellationToken);
        var verdict = calendar.Classify(request.Date.ToDateOnly()!.Value);
        return new IsBusinessDayResponse
        {
            Date = request.Date, BusinessDay = verdict.IsBusinessDay, Kind = NotificationMapping.ToProto(verdict.Kind),
            Description = verdict.Description, TimeZone = calendar.Zone.Id,
        };
    }

    public override async Task<GetNextBusinessDayResponse> GetNextBusinessDay(GetNextBusinessDayRequest request, ServerCallContext context)
    {
        var calendar = await calendars.CurrentAsync(context.CancellationToken);
        return new GetNextBusinessDayResponse
        {
            Date = request.Date, NextBusinessDay = calendar.NextBusinessDay(request.Date.ToDateOnly()!.Value).ToProtoDate(),
        };
    }

    public override async Task<GetDueTimeResponse> GetDueTime(GetDueTimeRequest request, ServerCallContext context)
    {
        var calendar = await calendars.CurrentAsync(context.CancellationToken);
        var due = calendar.DueAt(request.ReceivedAt.ToDateTimeOffset());
        return new GetDueTimeResponse
        {
            ReceivedAt = request.ReceivedAt, DueAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(due.DueAt),
            CountedFrom = due.CountedFrom.ToProtoDate(), TimeZone = calendar.Zone.Id,
        };
    }

    public override Task<ListHolidaysResponse> ListHolidays(ListHolidaysRequest request, ServerCallContext context)
    {
        var response = new ListHolidaysResponse { Year = request.Year };
        response.Holidays.AddRange(FederalHolidays.ObservedIn(request.Year).Select(h => new V1.Holiday
        {
            Name = h.Name, Date = h.Date.ToProtoDate(), ObservedOn = h.ObservedOn.ToProtoDate(),
        }));
        return Task.FromResult(response);
    }

    public override async Task<ListClosuresResponse> ListClosures(ListClosuresRequest request, ServerCallContext context)
    {
        var response = new ListClosuresResponse();
        response.Closures.AddRange((await calendars.ListAsync(request.Year == 0 ? null : request.Year, context.CancellationToken))
            .Select(c => c.ToMessage()));
        return response;
    }

    [Authorize(Policy = Policies.ProgramStaff)]
    public override async Task<AddClosureResponse> AddClosure(AddClosureRequest request, ServerCallContext context)
    {
        var day = request.Date.ToDateOnly()!.Value;
        var closure = new ClosureRecord
        {
            Day = day, Reason = Program287g.Domain.SpacedText.Collapse(request.Reason), AddedBy = Caller.From(context).Subject,
            AddedAt = DatabaseTime.ToStoredPrecision(clock.GetUtcNow()),
        };
        await using var connection = await database.OpenConnectionAsync(context.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(context.CancellationToken);
        var before = (await calendars.CurrentAsync(transaction, context.CancellationToken)).Classify(day);
        if (before.Kind is DayKind.Weekend or DayKind.FederalHoliday)
        {
            throw RpcErrors.InvalidArgument("date", $"'date' {day:yyyy-MM-dd} is not a business day anyway ({before.Description}).");
        }
        if (!await CalendarStore.AddAsync(transaction, closure, context.CancellationToken))
        {
            throw RpcErrors.AlreadyExists("closure", $"{day:yyyy-MM-dd}", $"{day:yyyy-MM-dd} is already a closure ({before.Description}).");
        }
        var moved = await DueTimeRevision.ApplyAsync(transaction, await calendars.CurrentAsync(transaction, context.CancellationToken), day,
            context.CancellationToken);
        await AuditTrail.RecordAsync(transaction, NotificationAudit.Closure(AuditActor.From(context), day, moved), context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return new AddClosureResponse { Closure = closure.ToMessage(), DueTimesMoved = moved };
    }

    [Authorize(Policy = Policies.ProgramStaff)]
    public override async Task<RemoveClosureResponse> RemoveClosure(RemoveClosureRequest request, ServerCallContext context)
    {
        var day = request.Date.ToDateOnly()!.Value;
        await using var connection = await database.OpenConnectionAsync(context.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(context.CancellationToken);
        var removed = await CalendarStore.RemoveAsync(transaction, day, context.CancellationToken)
            ?? throw RpcErrors.NotFound("closure", $"{day:yyyy-MM-dd}");
        var moved = await DueTimeRevision.ApplyAsync(transaction, await calendars.CurrentAsync(transaction, context.CancellationToken), day,
            context.CancellationToken);
        await AuditTrail.RecordAsync(transaction, NotificationAudit.Closure(AuditActor.From(context), day, moved), context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return new RemoveClosureResponse { Removed = removed.ToMessage(), DueTimesMoved = moved };
    }
}
