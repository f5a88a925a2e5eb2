using Program287g.Domain;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Program287g.Agency.Data;
using Program287g.Agency.Domain;
using Program287g.Agency.V1;
using Program287g.Audit;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Errors;
using Program287g.ServiceDefaults.Grpc;

namespace Program287g.Agency.Grpc;

public sealed class AgencyGrpcService(AgencyRepository agencies, TimeProvider clock) : AgencyService.AgencyServiceBase
{
    private const int DefaultPageSize = 50;
    private const int DefaultSearchLimit = 20;

    [Authorize(Policy = Policies.StaffOrInternal)]
    public override async Task<RegisterAgencyResponse> RegisterAgency(RegisterAgencyRequest request, ServerCallContext context)
    {
        var now = clock.GetUtcNow();
        var (agency, created) = await agencies.RegisterAsync(request.ToRecord(now.UtcDateTime), now, AuditActor.From(context),
            context.CancellationToken);
        return created
            ? new RegisterAgencyResponse { Agency = agency.ToMessage() }
            : throw AlreadyRegistered(agency);
    }

    public override async Task<GetAgencyResponse> GetAgency(GetAgencyRequest request, ServerCallContext context)
    {
        var id = ParseId(request.AgencyId);
        Caller.From(context).EnsureMayActFor(id.ToString());
        var agency = await agencies.FindAsync(id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("agency", request.AgencyId);
        return new GetAgencyResponse { Agency = agency.ToMessage() };
    }

    public override async Task<UpdateAgencyResponse> UpdateAgency(UpdateAgencyRequest request, ServerCallContext context)
    {
        var id = ParseId(request.AgencyId);
        Caller.From(context).EnsureMayActFor(id.ToString());
        var now = clock.GetUtcNow();
        return await agencies.UpdateAsync(request.ToRecord(now.UtcDateTime, id), request.Version, now, AuditActor.From(context),
            context.CancellationToken) switch
        {
            UpdateOutcome.Updated updated => new UpdateAgencyResponse { Agency = updated.Agency.ToMessage() },
            UpdateOutcome.Missing => throw RpcErrors.NotFound("agency", request.AgencyId),
            UpdateOutcome.VersionMismatch mismatch => throw new RpcException(new Status(StatusCode.Aborted,
                $"The agency changed since version {request.Version} was read; it is at version {mismatch.CurrentVersion}. Read it again.")),
            UpdateOutcome.NameTaken taken => throw AlreadyRegistered(taken.Existing),
            var other => throw new InvalidOperationException($"Unexpected update outcome {other}."),
        };
    }

    [Authorize(Policy = Policies.StaffOrInternal)]
    public override async Task<ListAgenciesResponse> ListAgencies(ListAgenciesRequest request, ServerCallContext context)
    {
        var filter = request.ToFilter();
        var after = PageTokens.Decode<AgencyCursor>(request.PageToken, filter.Key,
            cursor => cursor.NormalizedName is not null && !cursor.NormalizedName.Contains('\0'));
        var size = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var rows = await agencies.ListAsync(filter, after, size + 1, context.CancellationToken);
        var response = new ListAgenciesResponse();
        response.Agencies.AddRange(rows.Take(size).Select(row => row.ToMessage()));
        if (rows.Count > size)
        {
            var last = rows[size - 1];
            response.NextPageToken = PageTokens.Encode(new AgencyCursor(last.NormalizedName, last.Id), filter.Key);
        }
        return response;
    }

    [Authorize(Policy = Policies.StaffOrInternal)]
    public override async Task<SearchAgenciesResponse> SearchAgencies(SearchAgenciesRequest request, ServerCallContext context)
    {
        var state = string.IsNullOrWhiteSpace(request.State) ? null : UsStates.ToCode(request.State);
        var limit = request.Limit == 0 ? DefaultSearchLimit : request.Limit;
        var matches = await agencies.SearchAsync(AgencyName.Normalize(request.Query), state, limit, context.CancellationToken);
        var response = new SearchAgenciesResponse();
        response.Matches.AddRange(matches.Select(m => new AgencyMatch { Agency = m.Agency.ToMessage(), Score = m.Score }));
        return response;
    }

    [Authorize(Policy = Policies.StaffOrInternal)]
    public override async Task<ResolveAgenciesResponse> ResolveAgencies(ResolveAgenciesRequest request, ServerCallContext context)
    {
        var now = clock.GetUtcNow();
        var listed = request.Agencies.Select(agency => agency.ToRecord(now.UtcDateTime)).ToList();
        var resolved = await agencies.ResolveAsync(listed, now, AuditActor.From(context), context.CancellationToken);
        var response = new ResolveAgenciesResponse();
        response.Agencies.AddRange(resolved.Select(r => new ResolvedAgency { Agency = r.Agency.ToMessage(), Registered = r.Registered }));
        return response;
    }

    [Authorize(Policy = Policies.StaffOrInternal)]
    public override async Task<FindAgenciesByEmailResponse> FindAgenciesByEmail(FindAgenciesByEmailRequest request,
        ServerCallContext context)
    {
        var (sameAddress, sameDomain) = await agencies.FindByEmailAsync(request.Email, context.CancellationToken);
        var domain = EmailDomains.DomainOf(request.Email);
        var response = new FindAgenciesByEmailResponse { Domain = domain, FreeMailDomain = EmailDomains.IsFreeMail(domain) };
        response.SameAddress.AddRange(sameAddress.Select(a => a.ToMessage()));
        response.SameDomain.AddRange(sameDomain.Select(a => a.ToMessage()));
        return response;
    }

    private static Guid ParseId(string agencyId) =>
        Guid.TryParse(agencyId, out var id) ? id : throw RpcErrors.InvalidArgument("agency_id", "'agency_id' must be a UUID.");

    private static RpcException AlreadyRegistered(AgencyRecord existing) =>
        RpcErrors.AlreadyExists("agency", existing.Id.ToString(),
            $"'{existing.Name}' ({existing.State}) is already registered as agency {existing.Id}.");
}
