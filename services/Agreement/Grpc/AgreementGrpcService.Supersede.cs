using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Program287g.Agreement.Data;
using Program287g.Agreement.Domain;
using Program287g.Agreement.V1;
using Program287g.Audit;
using Program287g.ServiceDefaults.Grpc;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Errors;

namespace Program287g.Agreement.Grpc;

/// <summary>A re-signed MOA replaces an active or suspended agreement (<see cref="Supersession"/>).</summary>
public sealed partial class AgreementGrpcService
{
    [Authorize(Policy = Policies.ProgramStaff)]
    public override async Task<SupersedeAgreementResponse> SupersedeAgreement(SupersedeAgreementRequest request, ServerCallContext context)
    {
        var (moa, storedMoa) = Documents.Take(request.Moa);
        var iceSignedOn = request.IceSignature.SignedOn.ToDateOnly()!.Value;
        if (iceSignedOn < moa.SignedOn)
        {
            throw RpcErrors.InvalidArgument("ice_signature.signed_on",
                $"ICE cannot sign before the agency did: the agency signed the re-signed MOA on {moa.SignedOn:yyyy-MM-dd}.");
        }
        var resigning = new ReSigning(moa, storedMoa, request.IceSignature.SignerName.Trim(), request.IceSignature.SignerTitle.Trim(),
            iceSignedOn, MoaUrl: null, AddendumUrl: null, AgreementEvents.ApiSource);
        var agreementId = Guid.Parse(request.AgreementId);
        await using var connection = await store.DataSource.OpenConnectionAsync(context.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(context.CancellationToken);
        var (outcome, replacement) = await Supersession.ApplyAsync(transaction, agreementId, resigning,
            ActorOf(Caller.From(context)), clock.GetUtcNow(), check: null, context.CancellationToken);
        var superseded = Settle(outcome, LifecycleAction.Supersede, request.AgreementId);
        await store.CommitAsync(transaction, AuditActor.From(context), [superseded, replacement!], context.CancellationToken);
        return new SupersedeAgreementResponse { Superseded = superseded.ToMessage(), Replacement = replacement!.ToMessage() };
    }
}
