using Dapper;
using Npgsql;
using Program287g.Agreement.Data;
using Program287g.Agreement.Domain;
using Program287g.Domain;
using Program287g.Persistence;
using Program287g.IceLists;

namespace Program287g.Agreement.IcePublications;

/// <summary>One row of an ICE list applied to the agreements, in its own transaction. The participating and pending
/// rows are in the other parts of this class; <see cref="IceRowDecisions"/> says what each row means.</summary>
public sealed partial class IceRowImporter(AgreementStore store, TimeProvider clock)
{
    private const string IceSignerName = "ICE";
    private const string IceSignerTitle = "Signatory named in the MOA (taken from ICE's published list)";

    /// <summary>What a row came to. <paramref name="Recorded"/>: it changed nothing the file says, but something
    /// about it was written (when a pending list last showed an application), so the transaction commits.</summary>
    public sealed record Applied(RowOutcome Outcome, IceRowProblem? Problem, bool Recorded = false);

    private const string RowSavepoint = "ice_row";

    /// <summary>Applies <paramref name="rows"/> in order, in one transaction, each row inside a savepoint of its own:
    /// a row that is a problem, or changes nothing, is rolled back to its savepoint and costs nothing but itself, as if
    /// it had had a transaction of its own, while the rows share one commit (a commit each was most of an import's
    /// time). A row the database refuses outright (a deadlock with another import, say) is rolled back to its
    /// savepoint, the rows before it committed, and the row tried again alone, in a transaction of its own, where an
    /// error propagates as it always did. Answers one result per row, in order.</summary>
    public async Task<IReadOnlyList<Applied>> ApplyAllAsync(IceListKind kind, IReadOnlyList<(IceListRow Row, AgencySnapshot Agency)> rows,
        DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var results = new List<Applied>(rows.Count);
        while (results.Count < rows.Count)
        {
            int? refused = null;
            await using (var connection = await store.DataSource.OpenConnectionAsync(cancellationToken))
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                for (var i = results.Count; i < rows.Count; i++)
                {
                    await transaction.SaveAsync(RowSavepoint, cancellationToken);
                    Applied applied;
                    try
                    {
                        applied = await ApplyInAsync(transaction, kind, rows[i].Row, rows[i].Agency, asOf, cancellationToken);
                    }
                    catch (PostgresException) when (!cancellationToken.IsCancellationRequested)
                    {
                        await transaction.RollbackAsync(RowSavepoint, cancellationToken);
                        refused = i;
                        break;
                    }
                    if (Keeps(applied))
                    {
                        await transaction.ReleaseAsync(RowSavepoint, cancellationToken);
                    }
                    else
                    {
                        await transaction.RollbackAsync(RowSavepoint, cancellationToken);
                    }
                    results.Add(applied);
                }
                await store.CommitAsync(transaction, cancellationToken);
            }
            if (refused is { } alone)
            {
                results.Add(await ApplyAsync(kind, rows[alone].Row, rows[alone].Agency, asOf, cancellationToken));
            }
        }
        return results;
    }

    /// <summary>One row in a transaction of its own.</summary>
    public async Task<Applied> ApplyAsync(IceListKind kind, IceListRow row, AgencySnapshot agency, DateTimeOffset asOf,
        CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var applied = await ApplyInAsync(transaction, kind, row, agency, asOf, cancellationToken);
        if (Keeps(applied))
        {
            await store.CommitAsync(transaction, cancellationToken);
        }
        return applied;
    }

    private async Task<Applied> ApplyInAsync(NpgsqlTransaction transaction, IceListKind kind, IceListRow row, AgencySnapshot agency,
        DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var places = await AgencyPlaces.LockAsync(transaction, agency.Id, row.Model.Code(), cancellationToken);
        return kind == IceListKind.Participating
            ? await ApplyParticipatingAsync(transaction, row, agency, places, asOf, cancellationToken)
            : await ApplyPendingAsync(transaction, row, agency, places, asOf, cancellationToken);
    }

    /// <summary>Whether what the row wrote is kept: not for a problem, nor for a row that changed nothing.</summary>
    private static bool Keeps(Applied applied) =>
        applied.Problem is null && (applied.Outcome != RowOutcome.Unchanged || applied.Recorded);

    /// <summary>ICE posts an MOA's PDF after signing ("link pending" first): a later list's link is taken; a list
    /// without one never clears a link already known.</summary>
    private async Task<Applied> RefreshLinksAsync(NpgsqlTransaction transaction, AgreementRecord open, IceListRow row,
        CancellationToken cancellationToken)
    {
        var moaUrl = row.MoaUrl ?? open.MoaUrl;
        var addendumUrl = row.AddendumUrl ?? open.AddendumUrl;
        if (moaUrl == open.MoaUrl && addendumUrl == open.AddendumUrl)
        {
            return Unchanged;
        }
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE agreements SET moa_url = @moaUrl, addendum_url = @addendumUrl, updated_at = @now, version = version + 1
            WHERE id = @Id
            """, new { moaUrl, addendumUrl, now = Stored(clock.GetUtcNow()), open.Id }, transaction,
            cancellationToken: cancellationToken));
        return new Applied(RowOutcome.LinksUpdated, null);
    }

    private static readonly Applied Unchanged = new(RowOutcome.Unchanged, null);

    private static Applied Problem(IceListRow row, string column, string reason, string? value) =>
        new(RowOutcome.Unchanged, new IceRowProblem(row.RowNumber, column, reason, value));

    private static DateTime Stored(DateTimeOffset now) => DatabaseTime.ToStoredPrecision(now);

    private static DateTimeOffset? Utc(DateTime? stored) =>
        stored is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
}
