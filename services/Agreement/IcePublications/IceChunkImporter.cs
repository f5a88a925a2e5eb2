using Npgsql;
using Program287g.Agreement.Data;
using Program287g.Agreement.Domain;
using Program287g.Audit;
using Program287g.Domain;
using Program287g.IceLists;
using Program287g.Messaging.Outbox;
using Program287g.Persistence;
using Applied = Program287g.Agreement.IcePublications.IceRowImporter.Applied;

namespace Program287g.Agreement.IcePublications;

/// <summary>A chunk of an ICE list's rows (each with its resolved agency) applied with the per-row guarantees at a
/// fraction of the round trips. A row whose agency and model appear in no other row of the chunk, and whose meaning needs
/// no transition (a new agreement or application, links to refresh, an application still pending, or a problem), is
/// settled with the others like it in one transaction of set-based statements. The rest (signatures, renewals,
/// supersessions, and every row of a key the chunk holds twice, in file order) go through <see cref="IceRowImporter"/>
/// one transaction each; so does the whole chunk when its transaction fails or finds a place taken a moment ago. Either
/// way each row comes to what it would have come to alone.</summary>
public sealed class IceChunkImporter(IceRowImporter rows, AgreementStore store, TimeProvider clock, ILogger<IceChunkImporter> logger)
{
    public async Task<IReadOnlyList<Applied>> ImportAsync(IceListKind kind, IReadOnlyList<(IceListRow Row, AgencySnapshot Agency)> chunk,
        DateTimeOffset asOf, AuditActor auditor, CancellationToken cancellationToken)
    {
        var alone = chunk.Select((entry, index) => (Key: Key(entry), Index: index)).GroupBy(e => e.Key)
            .Where(g => g.Count() == 1).Select(g => g.Single().Index).ToList();
        Applied?[]? settled = null;
        try
        {
            settled = await SettleAsync(kind, chunk, alone, asOf, auditor, cancellationToken);
        }
        catch (PostgresException exception)
        {
            logger.LogWarning(exception, "A chunk of {Rows} ICE list rows could not be settled together; applying them one by one",
                chunk.Count);
        }
        var applied = new List<Applied>(chunk.Count);
        for (var i = 0; i < chunk.Count; i++)
        {
            applied.Add(settled?[i] ?? await rows.ApplyAsync(kind, chunk[i].Row, chunk[i].Agency, asOf, auditor, cancellationToken));
        }
        return applied;
    }

    /// <summary>What each of <paramref name="alone"/> came to, null for a row left to its own transaction; null in all
    /// when a place was taken under the chunk (nothing is kept then).</summary>
    private async Task<Applied?[]?> SettleAsync(IceListKind kind, IReadOnlyList<(IceListRow Row, AgencySnapshot Agency)> chunk,
        List<int> alone, DateTimeOffset asOf, AuditActor auditor, CancellationToken cancellationToken)
    {
        var settled = new Applied?[chunk.Count];
        if (alone.Count == 0)
        {
            return settled;
        }
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var places = await AgencyPlaces.LockAllAsync(transaction, [.. alone.Select(i => Key(chunk[i]))], cancellationToken);
        var plan = new ChunkPlan();
        foreach (var i in alone)
        {
            var (row, agency) = chunk[i];
            settled[i] = kind == IceListKind.Participating
                ? PlanParticipating(plan, i, row, agency, places[Key(chunk[i])], asOf)
                : PlanPending(plan, i, row, agency, places[Key(chunk[i])], asOf);
        }
        var now = clock.GetUtcNow();
        if (plan.Creates.Count > 0)
        {
            var created = await AgreementStore.InsertAllAsync(transaction, [.. plan.Creates.Select(c => c.New)], Actor.IceListImport,
                "imported", cancellationToken);
            if (created is null)
            {
                return null;
            }
            await transaction.EnqueueAsync([.. created.Select(a => a.CurrentStatus == AgreementStatus.Active
                ? (Contracts.IntegrationEvent)AgreementEvents.SignedAgreement(a, Actor.IceListImport, AgreementEvents.ImportSource, now)
                : AgreementEvents.Submitted(a, Actor.IceListImport, AgreementEvents.ImportSource, now))], cancellationToken);
            foreach (var ((index, _, outcome), agreement) in plan.Creates.Zip(created))
            {
                settled[index] = new Applied(outcome, null, Changed: [agreement.Id]);
            }
        }
        if (plan.Links.Count > 0)
        {
            await AgreementStore.UpdateLinksAsync(transaction, plan.Links, DatabaseTime.ToStoredPrecision(now), cancellationToken);
        }
        var marked = plan.StillPending.Count > 0
            ? await Renewals.MarkListedPendingAsync(transaction, [.. plan.StillPending.Select(p => p.Id)], asOf, cancellationToken)
            : new HashSet<Guid>();
        foreach (var (index, id) in plan.StillPending.Where(p => marked.Contains(p.Id)))
        {
            settled[index] = IceRowImporter.Unchanged with { Recorded = true, Changed = [id] };
        }
        if (plan.Creates.Count > 0 || plan.Links.Count > 0 || marked.Count > 0)
        {
            await AuditTrail.RecordAsync(transaction, [.. alone.Where(i => settled[i] is not null)
                .SelectMany(i => IceRowImporter.Audited(auditor, kind, chunk[i].Row, asOf, settled[i]!))], cancellationToken);
            await store.CommitAsync(transaction, cancellationToken);
        }
        return settled;
    }

    /// <summary>As <see cref="IceRowImporter"/> decides a participating row; null for a transition.</summary>
    private static Applied? PlanParticipating(ChunkPlan plan, int index, IceListRow row, AgencySnapshot agency, AgencyPlaces places,
        DateTimeOffset asOf)
    {
        if (IceRowImporter.SignedAfterAsOf(row, asOf) is { } problem)
        {
            return problem;
        }
        var (inForce, application) = places;
        switch (IceRowDecisions.Participating(row.Signed!.Value, asOf, inForce?.ActiveFrom, application is not null,
                    IceRowImporter.Utc(application?.ListedPendingAt)))
        {
            case ParticipatingStep.CreateAgreement:
                plan.Creates.Add((index, new NewAgreement(IceRowImporter.SignedDraft(row, agency), ProgramTime.StartOf(row.Signed!.Value),
                    IceRowImporter.ParticipatingNote(row, asOf)), RowOutcome.AgreementCreated));
                return null; // known once the insert has taken its place
            case ParticipatingStep.RefreshLinks:
                if (IceRowImporter.NewLinks(inForce!, row) is not { } links)
                {
                    return IceRowImporter.Unchanged;
                }
                plan.Links.Add((inForce!.Id, links.MoaUrl, links.AddendumUrl));
                return new Applied(RowOutcome.LinksUpdated, null, Changed: [inForce.Id]);
            case ParticipatingStep.LaterAgreementInForce:
                return IceRowImporter.LaterAgreementInForce(row, agency, inForce!);
            default:
                return null;
        }
    }

    /// <summary>As <see cref="IceRowImporter"/> decides a pending row (none needs a transition).</summary>
    private static Applied? PlanPending(ChunkPlan plan, int index, IceListRow row, AgencySnapshot agency, AgencyPlaces places,
        DateTimeOffset asOf)
    {
        var (inForce, application) = places;
        switch (IceRowDecisions.Pending(asOf, inForce?.ActiveFrom, application is not null))
        {
            case PendingStep.AlreadyPending:
                plan.StillPending.Add((index, application!.Id));
                return IceRowImporter.Unchanged;
            case PendingStep.PredatesAgreement:
                return IceRowImporter.Unchanged;
            case var step:
                var renews = step == PendingStep.CreateRenewal ? inForce : null;
                plan.Creates.Add((index, new NewAgreement(IceRowImporter.PendingDraft(row, agency, asOf, renews), asOf,
                    IceRowImporter.PendingNote(row, asOf, renews)), renews is null ? RowOutcome.ApplicationCreated : RowOutcome.RenewalCreated));
                return null;
        }
    }

    private static (Guid AgencyId, string Model) Key((IceListRow Row, AgencySnapshot Agency) entry) =>
        (entry.Agency.Id, entry.Row.Model.Code());

    /// <summary>The chunk's writes, gathered while its rows are decided.</summary>
    private sealed class ChunkPlan
    {
        public List<(int Index, NewAgreement New, RowOutcome Outcome)> Creates { get; } = [];
        public List<(Guid Id, string? MoaUrl, string? AddendumUrl)> Links { get; } = [];
        public List<(int Index, Guid Id)> StillPending { get; } = [];
    }
}
