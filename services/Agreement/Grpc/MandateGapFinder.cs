using Npgsql;
using Program287g.Agreement.Data;
using Program287g.Agreement.Domain;
using Program287g.Agreement.V1;
using Program287g.Audit;
using Program287g.Domain;
using StateMandate = Program287g.Agreement.Domain.StateMandate;

namespace Program287g.Agreement.Grpc;

/// <summary>Who each state's law covers (its loaded list, else the registered agencies of the kinds it names) and
/// which of them do not meet it on a day.</summary>
public sealed class MandateGapFinder(NpgsqlDataSource database, AgencyDirectory directory, AgreementQueries queries)
{
    private sealed record Covered(CoveredAgencyEntry? Entry, Agency.V1.Agency? Agency)
    {
        public string SortName => Agency?.Name ?? Entry!.Name;
    }

    public async Task<ListStateMandateGapsResponse> FindAsync(DateOnly day, string? state, CancellationToken cancellationToken)
    {
        // Agreements count if in force at the end of the day asked about.
        var endOfDay = ProgramTime.StartOf(day.AddDays(1)).AddTicks(-10);
        var response = new ListStateMandateGapsResponse { AsOf = AgreementMapping.ToProto(day) };
        foreach (var mandate in StateMandates.InForce(day, state))
        {
            var list = await CoveredAgencyLists.ReadAsync(database, mandate.State, cancellationToken);
            var covered = await CoveredAsync(mandate, list, cancellationToken);
            var mandateMessage = mandate.ToMessage(day, list, covered.Count);
            response.Mandates.Add(mandateMessage);
            var registeredIds = covered.Where(c => c.Agency is not null).Select(c => Guid.Parse(c.Agency!.AgencyId)).ToList();
            var open = (await queries.OpenAgreementsAsync(registeredIds, endOfDay, cancellationToken))
                .ToLookup(o => o.AgencyId, o => new OpenAgreement(o.Model, o.Status, o.AgreementId));
            foreach (var agency in covered.OrderBy(c => c.SortName, StringComparer.OrdinalIgnoreCase))
            {
                var shortfall = agency.Agency is null
                    ? MandateCompliance.Unregistered
                    : MandateCompliance.Check(mandate, day, [.. open[Guid.Parse(agency.Agency.AgencyId)]]);
                if (shortfall is null)
                {
                    continue;
                }
                var gap = new MandateGap
                {
                    Mandate = mandateMessage, Agency = agency.Agency?.ToSnapshot().ToSummary(), Covered = agency.Entry?.ToMessage(),
                    Reason = MandateMapping.ToProto(shortfall.Reason),
                };
                gap.PendingAgreementIds.AddRange(shortfall.PendingAgreementIds.Select(id => id.ToString()));
                gap.OtherModelAgreementIds.AddRange(shortfall.OtherModelAgreementIds.Select(id => id.ToString()));
                response.Gaps.Add(gap);
            }
        }
        return response;
    }

    public async Task<ReplaceCoveredAgenciesResponse> ReplaceAsync(string state, IReadOnlyList<CoveredAgencyEntry> agencies,
        DateTimeOffset now, AuditActor auditor, CancellationToken cancellationToken)
    {
        await CoveredAgencyLists.ReplaceAsync(database, state, agencies, now, auditor, cancellationToken);
        var registered = await RegisteredByNameAsync(state, cancellationToken);
        return new ReplaceCoveredAgenciesResponse
        {
            State = state, CoveredAgencies = agencies.Count, Registered = agencies.Count(a => registered.ContainsKey(a.NormalizedName)),
        };
    }

    public async Task<ListCoveredAgenciesResponse> ListAsync(string state, CancellationToken cancellationToken)
    {
        var list = await CoveredAgencyLists.ReadAsync(database, state, cancellationToken);
        var registered = await RegisteredByNameAsync(state, cancellationToken);
        var response = new ListCoveredAgenciesResponse
        {
            State = state, Loaded = list.Loaded,
            LoadedAt = list.LoadedAt is { } at ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(at) : null,
        };
        response.Agencies.AddRange(list.Agencies.Select(entry => new ListedCoveredAgency
        {
            Agency = entry.ToMessage(), AgencyId = registered.GetValueOrDefault(entry.NormalizedName)?.AgencyId ?? "",
        }));
        return response;
    }

    private async Task<List<Covered>> CoveredAsync(StateMandate mandate, CoveredAgencyList list, CancellationToken cancellationToken)
    {
        var registered = await RegisteredByNameAsync(mandate.State, cancellationToken);
        return list.Loaded
            ? [.. list.Agencies.Select(entry => new Covered(entry, registered.GetValueOrDefault(entry.NormalizedName)))]
            : [.. registered.Values.Where(a => mandate.CoversRegistered(a.Kind.ToString(), a.Type.ToString())).Select(a => new Covered(null, a))];
    }

    /// <summary>The state's registered agencies under the registry's own name key (unique within a state there).</summary>
    private async Task<Dictionary<string, Agency.V1.Agency>> RegisteredByNameAsync(string state, CancellationToken cancellationToken)
    {
        var byName = new Dictionary<string, Agency.V1.Agency>();
        await foreach (var agency in directory.ListInStateAsync(state, cancellationToken))
        {
            byName.TryAdd(AgencyName.Normalize(agency.Name), agency);
        }
        return byName;
    }
}
