using Grpc.Core;
using Program287g.Agreement.Data;
using Program287g.Agreement.Domain;
using Program287g.Agreement.V1;
using Program287g.Domain;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Grpc;

namespace Program287g.Agreement.Grpc;

/// <summary>Applications and agreements as they stand now, in any status: an agency's, or everyone's with filters.</summary>
public sealed partial class AgreementGrpcService
{
    public override async Task<ListAgreementsResponse> ListAgreements(ListAgreementsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var agencyId = request.AgencyId;
        if (caller.IsAgencyUser)
        {
            // An agency user's list is its own agency's: asking for another's is refused, not quietly narrowed.
            caller.EnsureMayActFor(agencyId.Length == 0 ? caller.AgencyId ?? "" : agencyId);
            agencyId = caller.AgencyId!;
        }
        var filter = new AgreementFilter(
            agencyId.Length == 0 ? null : Guid.Parse(agencyId),
            request.Statuses.Select(s => AgreementMapping.ToDomain(s)!.Value.Key()).Distinct().ToList(),
            AgreementMapping.ToDomain(request.Model)?.Code(),
            string.IsNullOrWhiteSpace(request.State) ? null : UsStates.ToCode(request.State),
            request.ReferenceNumberPrefix.Length == 0 ? null : request.ReferenceNumberPrefix.ToUpperInvariant());
        var cursor = PageTokens.Decode<SubmittedCursor>(request.PageToken, filter.Key, c => c.SubmittedAt.Offset == TimeSpan.Zero);
        var size = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var rows = await queries.BrowseAsync(filter, cursor, size + 1, context.CancellationToken);
        var response = new ListAgreementsResponse();
        response.Agreements.AddRange(rows.Take(size).Select(row => row.ToMessage()));
        if (rows.Count > size)
        {
            var last = rows[size - 1];
            response.NextPageToken = PageTokens.Encode(new SubmittedCursor(new DateTimeOffset(last.SubmittedAt, TimeSpan.Zero), last.Id),
                filter.Key);
        }
        return response;
    }
}
