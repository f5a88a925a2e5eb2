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

    public async Task<Applied> ApplyAsync(IceListKind kind, IceListRow row, AgencySnapshot agency, DateTimeOffset asOf,
        CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var places = await AgencyPlaces.LockAsync(transaction, agency.Id, row.Model.Code(), cancellationToken);
        var applied = kind == IceListKind.Participating
            ? await ApplyParticipatingAsync(transaction, row, agency, places, asOf, cancellationToken)
            : await ApplyPendingAsync(transaction, row, agency, places, asOf, cancellationToken);
        if (applied.Problem is null && (applied.Outcome != RowOutcome.Unchanged || applied.Recorded))
        {
            await store.CommitAsync(transaction, cancellationToken);
        }
        return applied;
    }

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
