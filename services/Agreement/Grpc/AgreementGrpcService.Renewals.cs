using Program287g.Agreement.Data;
using Program287g.Agreement.Domain;
using Program287g.Audit;
using Program287g.Messaging.Outbox;
using Program287g.ServiceDefaults.Errors;

namespace Program287g.Agreement.Grpc;

/// <summary>An application to renew the agency's agreement in force (<see cref="Renewals"/>): it stands beside that
/// agreement while pending, one at a time.</summary>
public sealed partial class AgreementGrpcService
{
    private async Task<AgreementRecord> SubmitRenewalAsync(AgreementRecord draft, Guid renewsId, Actor actor, AuditActor auditor, DateTimeOffset now,
        IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Locked: a supersession or termination of the agreement waits until the renewal is in, or the other way round.
        var renewed = await AgreementStore.LockAsync(transaction, renewsId, cancellationToken)
            ?? throw RpcErrors.NotFound("agreement", renewsId.ToString());
        if (renewed.AgencyId != draft.AgencyId || renewed.Model != draft.Model)
        {
            throw RpcErrors.InvalidArgument("renews_agreement_id",
                $"'renews_agreement_id' must name the applying agency's own agreement for {draft.Model}; {renewsId} is not.");
        }
        if (renewed.CurrentStatus is not (AgreementStatus.Active or AgreementStatus.Suspended))
        {
            throw RpcErrors.FailedPrecondition(
                $"Cannot renew an agreement that is {renewed.Status} ({renewed.ReferenceNumber}); only an agreement in force (active or suspended) is renewed.");
        }
        var created = await AgreementStore.InsertAsync(transaction, draft with { Renews = renewed.Id }, now, actor, "submitted",
            $"Renews {renewed.Id} ({renewed.ReferenceNumber})", documents, cancellationToken);
        if (created is null)
        {
            var open = (await AgencyPlaces.LockAsync(transaction, draft.AgencyId, draft.Model, cancellationToken)).Application;
            throw RpcErrors.FailedPrecondition(
                $"{renewed.AgencyName} already has an open renewal of its {renewed.Model} agreement ({open?.Id}, {open?.ReferenceNumber}); "
                + "one renewal at a time: ICE decides it, or the agency withdraws it, before another.");
        }
        await transaction.EnqueueAsync(AgreementEvents.Submitted(created, actor, AgreementEvents.ApiSource, now), cancellationToken);
        await store.CommitAsync(transaction, auditor, [created], cancellationToken);
        return created;
    }
}
