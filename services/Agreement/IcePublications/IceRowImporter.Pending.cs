using Npgsql;
using Program287g.Agreement.Data;
using Program287g.Agreement.Domain;
using Program287g.Domain;
using Program287g.Agreement.Grpc;
using Program287g.IceLists;
using Program287g.Messaging.Outbox;

namespace Program287g.Agreement.IcePublications;

/// <summary>A pending row: an application ICE has not decided as of the list's moment; beside an agreement in force for
/// the model, its renewal.</summary>
public sealed partial class IceRowImporter
{
    private async Task<Applied> ApplyPendingAsync(NpgsqlTransaction transaction, IceListRow row, AgencySnapshot agency,
        AgencyPlaces places, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var (inForce, application) = places;
        var step = IceRowDecisions.Pending(asOf, inForce?.ActiveFrom, application is not null);
        if (step == PendingStep.AlreadyPending)
        {
            var marked = await Renewals.MarkListedPendingAsync(transaction, [application!.Id], asOf, cancellationToken);
            return marked.Count > 0 ? Unchanged with { Recorded = true, Changed = [application.Id] } : Unchanged;
        }
        if (step == PendingStep.PredatesAgreement)
        {
            return Unchanged;
        }
        var renewal = step == PendingStep.CreateRenewal ? inForce : null;
        var created = await AgreementStore.InsertAsync(transaction, PendingDraft(row, agency, asOf, renewal), asOf, Actor.IceListImport,
            "imported", PendingNote(row, asOf, renewal), [], cancellationToken);
        if (created is null)
        {
            return Unchanged;
        }
        await transaction.EnqueueAsync(AgreementEvents.Submitted(created, Actor.IceListImport, AgreementEvents.ImportSource,
            clock.GetUtcNow()), cancellationToken);
        return new Applied(renewal is not null ? RowOutcome.RenewalCreated : RowOutcome.ApplicationCreated, null, Changed: [created.Id]);
    }

    /// <summary>The application a pending row shows (beside <paramref name="renews"/>, its renewal), not yet stored. ICE's
    /// pending list gives no application date: the application is known to be pending from the list's time.</summary>
    internal static AgreementRecord PendingDraft(IceListRow row, AgencySnapshot agency, DateTimeOffset asOf, AgreementRecord? renews) =>
        AgreementGrpcService.NewAgreement(agency, row.Model.Code(), AgreementStatus.Pending, asOf, AgreementEvents.ImportSource)
            with { Renews = renews?.Id, ListedPendingAt = Stored(asOf) };

    internal static string PendingNote(IceListRow row, DateTimeOffset asOf, AgreementRecord? renews) =>
        $"From ICE's pending list as of {asOf:u}, row {row.RowNumber}" + (renews is not null ? $"; renews {renews.ReferenceNumber}" : "");
}
