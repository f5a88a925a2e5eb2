using Dapper;
using Npgsql;
using Program287g.Agreement.Data;
using Program287g.Agreement.Domain;
using Program287g.Agreement.Grpc;
using Program287g.Domain;
using Program287g.Persistence;
using Program287g.IceLists;
using Program287g.Messaging.Outbox;

namespace Program287g.Agreement.IcePublications;

/// <summary>One row of an ICE list applied to the agreements, in its own transaction.</summary>
public sealed class IceRowImporter(AgreementStore store, TimeProvider clock)
{
    private const string IceSignerName = "ICE";
    private const string IceSignerTitle = "Signatory named in the MOA (taken from ICE's published list)";

    public sealed record Applied(RowOutcome Outcome, IceRowProblem? Problem);

    public async Task<Applied> ApplyAsync(IceListKind kind, IceListRow row, AgencySnapshot agency, DateTimeOffset asOf,
        CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var applied = kind == IceListKind.Participating
            ? await ApplyParticipatingAsync(transaction, row, agency, asOf, cancellationToken)
            : await ApplyPendingAsync(transaction, row, agency, asOf, cancellationToken);
        if (applied.Problem is null && applied.Outcome != RowOutcome.Unchanged)
        {
            await store.CommitAsync(transaction, cancellationToken);
        }
        return applied;
    }

    private async Task<Applied> ApplyParticipatingAsync(NpgsqlTransaction transaction, IceListRow row, AgencySnapshot agency,
        DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var signed = row.Signed!.Value;
        if (ProgramTime.StartOf(signed) > asOf)
        {
            return Problem(row, IceListColumns.Signed, $"signed {signed:yyyy-MM-dd}, after the list's as-of time {asOf:u}", $"{signed:yyyy-MM-dd}");
        }
        var now = clock.GetUtcNow();
        var model = row.Model.Code();
        var note = $"From ICE's participating list as of {asOf:u}, row {row.RowNumber}";
        var open = await AgreementStore.FindOpenAsync(transaction, agency.Id, model, cancellationToken);
        switch (open?.CurrentStatus)
        {
            case null:
                var draft = AgreementGrpcService.NewAgreement(agency, model, AgreementStatus.Active, ProgramTime.StartOf(signed),
                    AgreementEvents.ImportSource) with
                {
                    IceSignerName = IceSignerName, IceSignerTitle = IceSignerTitle, IceSignedOn = signed, ActiveFrom = signed,
                    MoaUrl = row.MoaUrl, AddendumUrl = row.AddendumUrl,
                };
                var created = await AgreementStore.InsertAsync(transaction, draft, ProgramTime.StartOf(signed), Actor.IceListImport,
                    "imported", note, [], cancellationToken);
                if (created is null)
                {
                    return new Applied(RowOutcome.Unchanged, null); // another import took the place a moment ago
                }
                await transaction.EnqueueAsync(AgreementEvents.SignedAgreement(created, Actor.IceListImport, AgreementEvents.ImportSource, now),
                    cancellationToken);
                return new Applied(RowOutcome.AgreementCreated, null);
            case AgreementStatus.Pending:
                var outcome = await AgreementStore.TransitionAsync(transaction, open.Id, LifecycleAction.Sign, Actor.IceListImport,
                    current => new TransitionPlan
                    {
                        After = current with
                        {
                            IceSignerName = IceSignerName, IceSignerTitle = IceSignerTitle, IceSignedOn = signed, ActiveFrom = signed,
                            MoaUrl = row.MoaUrl, AddendumUrl = row.AddendumUrl, UpdatedAt = Stored(now),
                        },
                        EffectiveAt = ProgramTime.StartOf(signed),
                        Note = note,
                        Event = after => AgreementEvents.SignedAgreement(after, Actor.IceListImport, AgreementEvents.ImportSource, now),
                    }, cancellationToken);
                return outcome is TransitionOutcome.Done ? new Applied(RowOutcome.ApplicationSigned, null) : Unchanged;
            default:
                if (open.ActiveFrom == signed)
                {
                    return await RefreshLinksAsync(transaction, open, row, cancellationToken);
                }
                if (open.ActiveFrom > signed)
                {
                    return Problem(row, IceListColumns.Signed,
                        $"{agency.Name} already holds a {model} agreement in force from {open.ActiveFrom:yyyy-MM-dd}, later than this row's signed date",
                        $"{signed:yyyy-MM-dd}");
                }
                var resigning = new ReSigning(null, null, IceSignerName, IceSignerTitle, signed, row.MoaUrl, row.AddendumUrl,
                    AgreementEvents.ImportSource);
                var (superseded, _) = await Supersession.ApplyAsync(transaction, open.Id, resigning, Actor.IceListImport, now,
                    check: null, cancellationToken);
                return superseded is TransitionOutcome.Done ? new Applied(RowOutcome.Superseded, null) : Unchanged;
        }
    }

    private async Task<Applied> ApplyPendingAsync(NpgsqlTransaction transaction, IceListRow row, AgencySnapshot agency,
        DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var model = row.Model.Code();
        var open = await AgreementStore.FindOpenAsync(transaction, agency.Id, model, cancellationToken);
        if (open is not null)
        {
            return open.CurrentStatus == AgreementStatus.Pending
                ? Unchanged
                : Problem(row, IceListColumns.SupportType,
                    $"{agency.Name} already has a {model} agreement that is {open.Status} ({open.ReferenceNumber}); a pending application for the same model cannot be taken",
                    row.Model.FullName());
        }
        // ICE's pending list gives no application date: the application is known to be pending from the list's time.
        var draft = AgreementGrpcService.NewAgreement(agency, model, AgreementStatus.Pending, asOf, AgreementEvents.ImportSource);
        var created = await AgreementStore.InsertAsync(transaction, draft, asOf, Actor.IceListImport, "imported",
            $"From ICE's pending list as of {asOf:u}, row {row.RowNumber}", [], cancellationToken);
        if (created is null)
        {
            return Unchanged;
        }
        await transaction.EnqueueAsync(AgreementEvents.Submitted(created, Actor.IceListImport, AgreementEvents.ImportSource,
            clock.GetUtcNow()), cancellationToken);
        return new Applied(RowOutcome.ApplicationCreated, null);
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
}
