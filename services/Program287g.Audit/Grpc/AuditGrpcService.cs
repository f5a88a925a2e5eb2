using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Program287g.Audit.V1;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Grpc;

namespace Program287g.Audit.Grpc;

/// <summary>The service's audit trail, for program staff only: an agency user or another system is refused
/// (PERMISSION_DENIED) before anything is read. The request is checked by <see cref="ListAuditRecordsValidator"/>.</summary>
[Authorize(Policy = Policies.ProgramStaff)]
public sealed class AuditGrpcService(AuditLog log) : AuditService.AuditServiceBase
{
    private const int DefaultPageSize = 50;

    public override async Task<ListAuditRecordsResponse> ListAuditRecords(ListAuditRecordsRequest request, ServerCallContext context)
    {
        var size = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var filterKey = FilterKey(request);
        var after = PageTokens.Decode<AuditCursor>(request.PageToken, filterKey, cursor => cursor.Id > 0);
        var rows = request.FilterCase == ListAuditRecordsRequest.FilterOneofCase.Actor
            ? await log.ByActorAsync(request.Actor.Subject, request.Actor.From.ToDateTime(), request.Actor.To.ToDateTime(), after,
                size + 1, context.CancellationToken)
            : await log.ByRecordAsync(request.Record.Kind, request.Record.Id, after, size + 1, context.CancellationToken);
        var response = new ListAuditRecordsResponse();
        response.Records.AddRange(rows.Take(size).Select(ToMessage));
        if (rows.Count > size)
        {
            var last = rows[size - 1];
            response.NextPageToken = PageTokens.Encode(new AuditCursor(last.RecordedAt, last.Id), filterKey);
        }
        return response;
    }

    private static string FilterKey(ListAuditRecordsRequest request) => request.FilterCase == ListAuditRecordsRequest.FilterOneofCase.Actor
        ? $"actor|{request.Actor.Subject}|{request.Actor.From}|{request.Actor.To}"
        : $"record|{request.Record.Kind}|{request.Record.Id}";

    private static AuditRecord ToMessage(AuditRow row) => new()
    {
        Id = row.Id,
        RecordedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(row.RecordedAt, DateTimeKind.Utc)),
        Subject = row.Subject,
        Role = row.Role,
        AgencyId = row.AgencyId ?? "",
        ClientId = row.ClientId ?? "",
        Peer = row.Peer ?? "",
        Action = row.Action,
        RecordKind = row.RecordKind,
        RecordId = row.RecordId,
        Detail = row.Detail,
    };
}
