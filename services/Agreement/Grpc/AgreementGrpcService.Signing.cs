using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Program287g.Agreement.Data;
using Program287g.Agreement.Domain;
using Program287g.Agreement.V1;
using Program287g.Audit;
using Program287g.Domain;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Errors;
using Program287g.ServiceDefaults.Grpc;

namespace Program287g.Agreement.Grpc;

/// <summary>ICE's signature on an application. For a renewal, the agreement it renews is superseded in the same
/// transaction (<see cref="Renewals"/>).</summary>
public sealed partial class AgreementGrpcService
{
    [Authorize(Policy = Policies.ProgramStaff)]
    public override async Task<SignAgreementResponse> SignAgreement(SignAgreementRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var actor = ActorOf(caller);
        var now = clock.GetUtcNow();
        var signature = request.IceSignature;
        var iceSignedOn = signature.SignedOn.ToDateOnly()!.Value;
        await using var connection = await store.DataSource.OpenConnectionAsync(context.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(context.CancellationToken);
        var (outcome, superseded) = await Renewals.SignAsync(transaction, Guid.Parse(request.AgreementId), iceSignedOn, actor,
            AgreementEvents.ApiSource, now, checkRenewed: renewed =>
            {
                if (renewed.ActiveFrom >= iceSignedOn)
                {
                    throw RpcErrors.InvalidArgument("ice_signature.signed_on",
                        $"A renewal is signed after the agreement it renews took effect: {renewed.ReferenceNumber} is in force from {renewed.ActiveFrom:yyyy-MM-dd}.");
                }
            }, plan: current =>
            {
                caller.EnsureMayActFor(current.AgencyId.ToString());
                var agencySignedOn = current.AgencySignedMoa?.SignedOn ?? iceSignedOn;
                if (iceSignedOn < agencySignedOn)
                {
                    throw RpcErrors.InvalidArgument("ice_signature.signed_on",
                        $"ICE cannot sign before the agency did: the agency signed the MOA on {agencySignedOn:yyyy-MM-dd}.");
                }
                // Active from the day both had signed; the period starts then (or at submission, if that was later).
                return new TransitionPlan
                {
                    After = current with
                    {
                        IceSignerName = signature.SignerName.Trim(), IceSignerTitle = signature.SignerTitle.Trim(),
                        IceSignedOn = iceSignedOn, ActiveFrom = iceSignedOn, StatusReason = null, UpdatedAt = Stored(now),
                    },
                    EffectiveAt = ProgramTime.StartOf(iceSignedOn),
                    Note = $"Signed for ICE by {signature.SignerName.Trim()}, {signature.SignerTitle.Trim()}",
                    Event = after => AgreementEvents.SignedAgreement(after, actor, AgreementEvents.ApiSource, now),
                };
            }, context.CancellationToken);
        var signed = Settle(outcome, LifecycleAction.Sign, request.AgreementId);
        // A renewal's signature supersedes the agreement it renews: both are audited, each under its own id.
        await store.CommitAsync(transaction, AuditActor.From(context), superseded is null ? [signed] : [signed, superseded],
            context.CancellationToken);
        return new SignAgreementResponse { Agreement = signed.ToMessage() };
    }
}
