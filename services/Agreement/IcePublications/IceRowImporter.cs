using Npgsql;
using Program287g.Agreement.Data;
using Program287g.Agreement.Domain;
using Program287g.Audit;
using Program287g.Domain;
using Program287g.IceLists;
using Program287g.Persistence;

namespace Program287g.Agreement.IcePublications;

/// <summary>One row of an ICE list applied to the agreements, in its own transaction. The participating and pending
/// rows are in the other parts of this class; <see cref="IceRowDecisions"/> says what each row means.</summary>
public sealed partial class IceRowImporter(AgreementStore store, TimeProvider clock)
{
    private const string IceSignerName = "ICE";
    private const string IceSignerTitle = "Signatory named in the MOA (taken from ICE's published list)";

    /// <summary>What a row came to. <paramref name="Recorded"/>: it changed nothing the file says, but something
    /// about it was written (when a pending list last showed an application), so the transaction commits.
    /// <paramref name="Changed"/>: the agreements it wrote, each of which gets an audit record.</summary>
    public sealed record Applied(RowOutcome Outcome, IceRowProblem? Problem, bool Recorded = false, IReadOnlyList<Guid>? Changed = null)
    {
        public IReadOnlyList<Guid> Changed { get; init; } = Changed ?? [];
    }

    private const int Attempts = 3;

    public async Task<Applied> ApplyAsync(IceListKind kind, IceListRow row, AgencySnapshot agency, DateTimeOffset asOf,
        AuditActor auditor, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyOnceAsync(kind, row, agency, asOf, auditor, cancellationToken);
            }
            // A concurrent import settling a chunk can meet this row's ledger months crosswise; PostgreSQL rolled the
            // row back, so it is applied again (every application is idempotent).
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < Attempts)
            {
            }
        }
    }

    private async Task<Applied> ApplyOnceAsync(IceListKind kind, IceListRow row, AgencySnapshot agency, DateTimeOffset asOf,
        AuditActor auditor, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The same lock a chunk takes for its agencies (IceChunkImporter): a row and a chunk never decide one place at once.
        await AgencyLocks.LockAsync(transaction, [agency.Id], cancellationToken);
        var places = await AgencyPlaces.LockAsync(transaction, agency.Id, row.Model.Code(), cancellationToken);
        var applied = kind == IceListKind.Participating
            ? await ApplyParticipatingAsync(transaction, row, agency, places, asOf, cancellationToken)
            : await ApplyPendingAsync(transaction, row, agency, places, asOf, cancellationToken);
        if (applied.Problem is null && (applied.Outcome != RowOutcome.Unchanged || applied.Recorded))
        {
            await AuditTrail.RecordAsync(transaction, Audited(auditor, kind, row, asOf, applied), cancellationToken);
            await store.CommitAsync(transaction, cancellationToken);
        }
        return applied;
    }

    /// <summary>ICE posts an MOA's PDF after signing ("link pending" first): a later list's link is taken; a list
    /// without one never clears a link already known. Null when the links are as the row says.</summary>
    internal static (string? MoaUrl, string? AddendumUrl)? NewLinks(AgreementRecord open, IceListRow row)
    {
        var moaUrl = row.MoaUrl ?? open.MoaUrl;
        var addendumUrl = row.AddendumUrl ?? open.AddendumUrl;
        return moaUrl == open.MoaUrl && addendumUrl == open.AddendumUrl ? null : (moaUrl, addendumUrl);
    }

    private async Task<Applied> RefreshLinksAsync(NpgsqlTransaction transaction, AgreementRecord open, IceListRow row,
        CancellationToken cancellationToken)
    {
        if (NewLinks(open, row) is not { } links)
        {
            return Unchanged;
        }
        await AgreementStore.UpdateLinksAsync(transaction, [(open.Id, links.MoaUrl, links.AddendumUrl)], Stored(clock.GetUtcNow()),
            cancellationToken);
        return new Applied(RowOutcome.LinksUpdated, null, Changed: [open.Id]);
    }

    internal static readonly Applied Unchanged = new(RowOutcome.Unchanged, null);

    /// <summary>The audit records of what a row wrote: one per agreement, naming the list, the row and its moment (the
    /// row's agency and dates are in the agreement itself).</summary>
    internal static IReadOnlyList<AuditEntry> Audited(AuditActor auditor, IceListKind kind, IceListRow row, DateTimeOffset asOf,
        Applied applied) =>
        [.. applied.Changed.Select(id => auditor.On(AgreementAudit.Kind, id.ToString(),
            $"ice_list={kind.ToString().ToLowerInvariant()} row={row.RowNumber} as_of={asOf.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} outcome={applied.Outcome}"))];

    private static Applied Problem(IceListRow row, string column, string reason, string? value) =>
        new(RowOutcome.Unchanged, new IceRowProblem(row.RowNumber, column, reason, value));

    private static DateTime Stored(DateTimeOffset now) => DatabaseTime.ToStoredPrecision(now);

    internal static DateTimeOffset? Utc(DateTime? stored) =>
        stored is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
}
