using Grpc.Core;
using Program287g.Agency.V1;
using Npgsql;
using Program287g.Agreement.Data;
using Program287g.Agreement.Domain;
using Program287g.Agreement.V1;
using Program287g.Contracts.Agency;
using Program287g.ServiceDefaults.Errors;

namespace Program287g.Agreement.Grpc;

/// <summary>The Agency service, as the Agreement service asks it: does this agency exist, and is it a law
/// enforcement agency? (The registry holds only LEAs: a kind is required and only LEA kinds exist.)</summary>
public sealed class AgencyDirectory(AgencyService.AgencyServiceClient agencies, NpgsqlDataSource database)
{
    /// <summary>The agency from this service's copy (AgencyCopies: the registry's events put only law enforcement
    /// agencies there, and keep them current); one it has not heard of yet is asked of the Agency service and copied.
    /// A copy a moment behind an update is set right, on the agreement too, when the AgencyUpdated event arrives.</summary>
    public async Task<AgencySnapshot> GetLawEnforcementAgencyAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        if (await AgencyCopies.FindAsync(database, agencyId, cancellationToken) is { } known)
        {
            return known;
        }
        var asked = await AskLawEnforcementAgencyAsync(agencyId, cancellationToken);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await AgencyCopies.RecordAsync(connection, null, asked, cancellationToken);
        return asked;
    }

    /// <summary>The agency, or NOT_FOUND naming it; UNAVAILABLE passes through when the Agency service cannot answer.</summary>
    private async Task<AgencySnapshot> AskLawEnforcementAgencyAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        GetAgencyResponse response;
        try
        {
            response = await agencies.GetAgencyAsync(new GetAgencyRequest { AgencyId = agencyId.ToString() },
                cancellationToken: cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            throw RpcErrors.NotFound("agency", agencyId.ToString());
        }
        if (response.Agency.Kind == AgencyKind.Unspecified)
        {
            throw RpcErrors.FailedPrecondition(
                $"Agency {agencyId} is not recorded as a law enforcement agency; only law enforcement agencies may take part in 287(g).");
        }
        return response.Agency.ToSnapshot();
    }

    /// <summary>Every registered agency in a state, page by page, with its kind and ICE type.</summary>
    public async IAsyncEnumerable<Agency.V1.Agency> ListInStateAsync(string state,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListAgenciesRequest { State = state, PageSize = 500 };
        do
        {
            var page = await agencies.ListAgenciesAsync(request, cancellationToken: cancellationToken);
            foreach (var agency in page.Agencies)
            {
                yield return agency;
            }
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
    }

    /// <summary>Matches (or registers) agencies as ICE lists them, in request order.</summary>
    public async Task<IReadOnlyList<(AgencySnapshot Agency, bool Registered)>> ResolveAsync(IReadOnlyList<ListedAgency> listed,
        CancellationToken cancellationToken)
    {
        var request = new ResolveAgenciesRequest();
        request.Agencies.AddRange(listed);
        var response = await agencies.ResolveAgenciesAsync(request, cancellationToken: cancellationToken);
        return response.Agencies.Select(resolved => (resolved.Agency.ToSnapshot(), resolved.Registered)).ToList();
    }
}

internal static class AgencySnapshots
{
    public static AgencySnapshot ToSnapshot(this Agency.V1.Agency agency) => new(
        Guid.Parse(agency.AgencyId), agency.Name, agency.State, IceTypeText(agency.Type),
        string.IsNullOrEmpty(agency.County) ? null : agency.County,
        string.IsNullOrEmpty(agency.PointOfContact?.Name) ? null : agency.PointOfContact.Name,
        string.IsNullOrEmpty(agency.PointOfContact?.Email) ? null : agency.PointOfContact.Email,
        agency.Version);

    /// <summary>A newly registered agency, as its event describes it: version 1.</summary>
    public static AgencySnapshot ToSnapshot(this AgencyRegistered agency) => new(agency.AgencyId, agency.Name, agency.State,
        IceTypeText(Enum.Parse<AgencyType>(agency.Type)), agency.County, agency.ContactName, agency.ContactEmail, Version: 1);

    public static AgencySnapshot ToSnapshot(this AgencyUpdated agency) => new(agency.AgencyId, agency.Name, agency.State,
        IceTypeText(Enum.Parse<AgencyType>(agency.Type)), agency.County, agency.ContactName, agency.ContactEmail, agency.Version);

    public static AgencySummary ToSummary(this AgencySnapshot agency) => new()
    {
        AgencyId = agency.Id.ToString(), Name = agency.Name, State = agency.State, Type = agency.Type, County = agency.County ?? "",
    };

    /// <summary>ICE's TYPE texts, which the lists and exports print.</summary>
    public static string IceTypeText(AgencyType type) => type switch
    {
        AgencyType.County => "County",
        AgencyType.Municipality => "Municipality",
        AgencyType.StateAgency => "State Agency",
        _ => "",
    };
}
