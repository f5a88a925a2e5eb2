using Npgsql;
using Program287g.Agreement.Data;
using Program287g.Agreement.Domain;
using Program287g.Agreement.Grpc;
using Program287g.Domain;
using Program287g.IceLists;
using Program287g.Messaging.Outbox;

namespace Program287g.Agreement.IcePublications;

/// <summary>A participating row: an agreement in force, signed on the row's date.</summary>
public sealed partial class IceRowImporter
{
    private async Task<Applied> ApplyParticipatingAsync(NpgsqlTransaction transaction, IceListRow row, AgencySnapshot agency,
        AgencyPlaces places, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (SignedAfterAsOf(row, asOf) is { } signedLater)
        {
            return signedLater;
        }
        var signed = row.Signed!.Value;
        var now = clock.GetUtcNow();
        var (inForce, application) = places;
        var note = ParticipatingNote(row, asOf);
        switch (IceRowDecisions.Participating(signed, asOf, inForce?.ActiveFrom, application is not null, Utc(application?.ListedPendingAt)))
        {
            case ParticipatingStep.CreateAgreement:
                return await CreateAgreementAsync(transaction, row, agency, note, now, renewal: null, cancellationToken) is { } created
                    ? new Applied(RowOutcome.AgreementCreated, null, Changed: [created.Id])
                    : Unchanged; // another import took the place a moment ago
            case ParticipatingStep.CreateAgreementBesideRenewal:
                return await CreateAgreementAsync(transaction, row, agency, note, now, application, cancellationToken) is { } renewed
                    ? new Applied(RowOutcome.RenewalRecognised, null, Changed: [renewed.Id, application!.Id]) : Unchanged;
            case ParticipatingStep.SignApplication or ParticipatingStep.SignRenewal:
                var (outcome, superseded) = await Renewals.SignAsync(transaction, application!.Id, signed, Actor.IceListImport,
                    AgreementEvents.ImportSource, now, checkRenewed: null, current => new TransitionPlan
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
                return outcome is not TransitionOutcome.Done ? Unchanged
                    : new Applied(superseded is null ? RowOutcome.ApplicationSigned : RowOutcome.RenewalSigned, null,
                        Changed: superseded is null ? [application!.Id] : [application!.Id, superseded.Id]);
            case ParticipatingStep.RefreshLinks:
                return await RefreshLinksAsync(transaction, inForce!, row, cancellationToken);
            case ParticipatingStep.LaterAgreementInForce:
                return LaterAgreementInForce(row, agency, inForce!);
            default:
                var resigning = new ReSigning(null, null, IceSignerName, IceSignerTitle, signed, row.MoaUrl, row.AddendumUrl,
                    AgreementEvents.ImportSource);
                var (resigned, replacement) = await Supersession.ApplyAsync(transaction, inForce!.Id, resigning, Actor.IceListImport, now,
                    check: null, cancellationToken);
                return resigned is TransitionOutcome.Done
                    ? new Applied(RowOutcome.Superseded, null, Changed: replacement is null ? [inForce.Id] : [inForce.Id, replacement.Id])
                    : Unchanged;
        }
    }

    internal static Applied? SignedAfterAsOf(IceListRow row, DateTimeOffset asOf) =>
        ProgramTime.StartOf(row.Signed!.Value) > asOf
            ? Problem(row, IceListColumns.Signed, $"signed {row.Signed:yyyy-MM-dd}, after the list's as-of time {asOf:u}", $"{row.Signed:yyyy-MM-dd}")
            : null;

    internal static Applied LaterAgreementInForce(IceListRow row, AgencySnapshot agency, AgreementRecord inForce) =>
        Problem(row, IceListColumns.Signed,
            $"{agency.Name} already holds a {row.Model.Code()} agreement in force from {inForce.ActiveFrom:yyyy-MM-dd}, later than this row's signed date",
            $"{row.Signed:yyyy-MM-dd}");

    internal static string ParticipatingNote(IceListRow row, DateTimeOffset asOf) =>
        $"From ICE's participating list as of {asOf:u}, row {row.RowNumber}";

    /// <summary>The agreement a participating row shows, in force from its signed date, not yet stored.</summary>
    internal static AgreementRecord SignedDraft(IceListRow row, AgencySnapshot agency)
    {
        var signed = row.Signed!.Value;
        return AgreementGrpcService.NewAgreement(agency, row.Model.Code(), AgreementStatus.Active, ProgramTime.StartOf(signed),
            AgreementEvents.ImportSource) with
        {
            IceSignerName = IceSignerName, IceSignerTitle = IceSignerTitle, IceSignedOn = signed, ActiveFrom = signed,
            MoaUrl = row.MoaUrl, AddendumUrl = row.AddendumUrl,
        };
    }

    /// <summary>The agreement the row shows, in force from its signed date; beside <paramref name="renewal"/>, which then
    /// renews it. Null when the place was taken a moment ago (nothing is kept then: the caller does not commit).</summary>
    private static async Task<AgreementRecord?> CreateAgreementAsync(NpgsqlTransaction transaction, IceListRow row, AgencySnapshot agency, string note,
        DateTimeOffset now, AgreementRecord? renewal, CancellationToken cancellationToken)
    {
        var draft = SignedDraft(row, agency);
        if (renewal is not null)
        {
            // First: a first application and an agreement in force cannot stand together, a renewal and one can.
            await Renewals.RenewAsync(transaction, renewal.Id, draft.Id, now, cancellationToken);
        }
        var created = await AgreementStore.InsertAsync(transaction, draft, ProgramTime.StartOf(row.Signed!.Value), Actor.IceListImport,
            "imported", note, [], cancellationToken);
        if (created is null)
        {
            return null;
        }
        await transaction.EnqueueAsync(AgreementEvents.SignedAgreement(created, Actor.IceListImport, AgreementEvents.ImportSource, now),
            cancellationToken);
        return created;
    }
}
