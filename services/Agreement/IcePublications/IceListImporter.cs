using Program287g.Agency.V1;
using Program287g.Agreement.Grpc;
using Program287g.Audit;
using Program287g.IceLists;

namespace Program287g.Agreement.IcePublications;

/// <summary>Takes one of ICE's published lists into the registry and the agreements: agencies are matched or
/// registered in the Agency service (one call per 500 rows), then the rows are applied a chunk at a time
/// (<see cref="IceChunkImporter"/>: most rows of a chunk in one transaction, the rest each in its own), so a row that
/// cannot be taken costs nothing but itself. Every application is idempotent: the same file twice changes nothing.</summary>
public sealed class IceListImporter(IceChunkImporter chunks, AgencyDirectory directory, ILogger<IceListImporter> logger)
{
    private const int ResolveBatchSize = 500;
    /// <summary>Large enough that a chunk's statements cost little beside its rows, small enough that a chunk that must
    /// fall back to one transaction a row, or waits for a concurrent import's chunk, holds up few rows.</summary>
    private const int ChunkSize = 100;

    /// <summary>Imports <paramref name="file"/> as describing <paramref name="asOf"/>; <paramref name="progress"/> hears
    /// (rows done, rows in all) as the work goes; <paramref name="auditor"/> is the caller each changed agreement's audit
    /// record names.</summary>
    public async Task<ImportResult> ImportAsync(IceListFile file, DateTimeOffset asOf, AuditActor auditor, Func<int, int, Task> progress,
        CancellationToken cancellationToken)
    {
        var problems = new List<IceRowProblem>(file.Problems);
        var outcomes = new Dictionary<RowOutcome, int>();
        var registered = new HashSet<Guid>();
        var matched = new HashSet<Guid>();
        var done = 0;
        foreach (var batch in file.Rows.Chunk(ResolveBatchSize))
        {
            var agencies = await directory.ResolveAsync(batch.Select(ToListedAgency).ToList(), cancellationToken);
            foreach (var (agency, isNew) in agencies)
            {
                (isNew ? registered : matched).Add(agency.Id);
            }
            foreach (var chunk in batch.Zip(agencies, (row, resolved) => (row, resolved.Agency)).Chunk(ChunkSize))
            {
                foreach (var applied in await chunks.ImportAsync(file.Kind, chunk, asOf, auditor, cancellationToken))
                {
                    if (applied.Problem is { } problem)
                    {
                        problems.Add(problem);
                    }
                    else
                    {
                        outcomes[applied.Outcome] = outcomes.GetValueOrDefault(applied.Outcome) + 1;
                    }
                }
                done += chunk.Length;
                if (done < file.Rows.Count)
                {
                    await progress(done, file.Rows.Count);
                }
            }
        }
        await progress(done, file.Rows.Count);
        matched.ExceptWith(registered);
        logger.LogInformation("Imported ICE {Kind} list as of {AsOf}: {Rows} rows, {Problems} problems", file.Kind, asOf,
            file.Rows.Count, problems.Count);
        return new ImportResult(file.Kind, asOf, file.Rows.Count + file.Problems.Select(p => p.RowNumber).Distinct().Count(),
            registered.Count, matched.Count, outcomes, [.. problems.OrderBy(p => p.RowNumber)]);
    }

    private static ListedAgency ToListedAgency(IceListRow row) => new()
    {
        Name = row.AgencyName,
        State = row.State,
        Type = row.Type switch
        {
            IceAgencyType.County => AgencyType.County,
            IceAgencyType.Municipality => AgencyType.Municipality,
            _ => AgencyType.StateAgency,
        },
        County = row.County ?? "",
    };
}
