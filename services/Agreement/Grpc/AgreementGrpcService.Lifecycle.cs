using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Program287g.Agreement.Data;
using Program287g.Agreement.Domain;
using Program287g.Agreement.V1;
using Program287g.Audit;
using Program287g.ServiceDefaults.Grpc;
using Program287g.Domain;
using Program287g.Persistence;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Errors;

namespace Program287g.Agreement.Grpc;

/// <summary>The lifecycle transitions. Each loads the agreement under a row lock, checks the transition against
/// <see cref="Lifecycle"/> and writes it, its history row, its periods and its event in one transaction. Signing is
/// in the Signing part, with the renewal it may complete.</summary>
public sealed partial class AgreementGrpcService
{
    /// <summary>Written notice ends an agreement 90 days later unless the notice says otherwise (the 2025 MOAs).</summary>
    public const int TerminationNoticeDays = 90;

    public override async Task<WithdrawApplicationResponse> WithdrawApplication(WithdrawApplicationRequest request, ServerCallContext context) =>
        new() { Agreement = await TransitionAsync(request.AgreementId, LifecycleAction.Withdraw, context, (current, actor, now) => new TransitionPlan
        {
            After = current with { StatusReason = Blank(request.Reason), UpdatedAt = Stored(now) },
            EffectiveAt = now,
            Note = Blank(request.Reason),
            Event = after => AgreementEvents.Withdrawn(after, actor, now),
        }) };

    [Authorize(Policy = Policies.ProgramStaff)]
    public override async Task<DeclineApplicationResponse> DeclineApplication(DeclineApplicationRequest request, ServerCallContext context) =>
        new() { Agreement = await TransitionAsync(request.AgreementId, LifecycleAction.Decline, context, (current, actor, now) => new TransitionPlan
        {
            After = current with { StatusReason = request.Reason.Trim(), UpdatedAt = Stored(now) },
            EffectiveAt = now,
            Note = request.Reason.Trim(),
            Event = after => AgreementEvents.Declined(after, actor, now),
        }) };

    [Authorize(Policy = Policies.ProgramStaff)]
    public override async Task<SuspendAgreementResponse> SuspendAgreement(SuspendAgreementRequest request, ServerCallContext context) =>
        new() { Agreement = await TransitionAsync(request.AgreementId, LifecycleAction.Suspend, context, (current, actor, now) => new TransitionPlan
        {
            After = current with { StatusReason = request.Reason.Trim(), UpdatedAt = Stored(now) },
            EffectiveAt = now,
            Note = request.Reason.Trim(),
            Event = after => AgreementEvents.Suspended(after, actor, now),
        }) };

    [Authorize(Policy = Policies.ProgramStaff)]
    public override async Task<ReinstateAgreementResponse> ReinstateAgreement(ReinstateAgreementRequest request, ServerCallContext context) =>
        new() { Agreement = await TransitionAsync(request.AgreementId, LifecycleAction.Reinstate, context, (current, actor, now) => new TransitionPlan
        {
            After = current with { StatusReason = null, UpdatedAt = Stored(now) },
            EffectiveAt = now,
            Note = Blank(request.Note),
            Event = after => AgreementEvents.Reinstated(after, actor, Blank(request.Note), now),
        }) };

    public override async Task<TerminateAgreementResponse> TerminateAgreement(TerminateAgreementRequest request, ServerCallContext context)
    {
        if (Caller.From(context).IsAgencyUser && request.NoticeGivenBy != Party.Agency)
        {
            throw RpcErrors.PermissionDenied("An agency user can give the agency's notice only ('notice_given_by' AGENCY).");
        }
        return new() { Agreement = await TransitionAsync(request.AgreementId, LifecycleAction.Terminate, context, (current, actor, now) =>
        {
            var notice = request.NoticeDate.ToDateOnly()!.Value;
            var effective = request.EffectiveOn.ToDateOnly() ?? notice.AddDays(TerminationNoticeDays);
            var termination = new TerminationInfo(request.NoticeGivenBy == Party.Ice ? "ice" : "agency", notice, effective, Blank(request.Reason));
            return new TransitionPlan
            {
                After = current with { Termination = termination, StatusReason = Blank(request.Reason), UpdatedAt = Stored(now) },
                // The agreement stays in force, and on the participating list, until the effective date.
                EffectiveAt = ProgramTime.StartOf(effective),
                Note = $"Notice by {termination.NoticeGivenBy} on {notice:yyyy-MM-dd}, effective {effective:yyyy-MM-dd}"
                    + (termination.Reason is null ? "" : $": {termination.Reason}"),
                Event = after => AgreementEvents.Terminated(after, actor, now),
            };
        }) };
    }

    [Authorize(Policy = Policies.ProgramStaff)]
    public override async Task<RecordAddendumResponse> RecordAddendum(RecordAddendumRequest request, ServerCallContext context)
    {
        var (document, stored) = Documents.Take(request.Document);
        var agreement = await TransitionRecordAsync(request.AgreementId, LifecycleAction.RecordAddendum, context, (current, _, now) =>
        {
            var addendum = new AddendumRecord(Guid.CreateVersion7(), current.Id, request.Description.Trim(), document, Stored(now));
            return new TransitionPlan
            {
                After = current with { UpdatedAt = Stored(now) },
                EffectiveAt = now,
                Note = request.Description.Trim(),
                AlsoWrite = async transaction =>
                {
                    await AgreementStore.StoreDocumentsAsync(transaction, stored is null ? [] : [stored], context.CancellationToken);
                    await AgreementStore.InsertAddendumAsync(transaction, addendum, context.CancellationToken);
                },
            };
        });
        var addenda = await store.AddendaAsync([agreement.Id], context.CancellationToken);
        return new RecordAddendumResponse { Agreement = agreement.ToMessage(addenda) };
    }

    private async Task<V1.Agreement> TransitionAsync(string agreementId, LifecycleAction action, ServerCallContext context,
        Func<AgreementRecord, Actor, DateTimeOffset, TransitionPlan> plan) =>
        (await TransitionRecordAsync(agreementId, action, context, plan)).ToMessage();

    /// <summary>One transition for the caller: PERMISSION_DENIED for another agency's agreement, NOT_FOUND, or
    /// FAILED_PRECONDITION naming the current status when the action is not allowed from it.</summary>
    private async Task<AgreementRecord> TransitionRecordAsync(string agreementId, LifecycleAction action,
        ServerCallContext context, Func<AgreementRecord, Actor, DateTimeOffset, TransitionPlan> plan)
    {
        var caller = Caller.From(context);
        var actor = ActorOf(caller);
        var now = clock.GetUtcNow();
        var outcome = await store.TransitionAsync(Guid.Parse(agreementId), action, actor, AuditActor.From(context), current =>
        {
            caller.EnsureMayActFor(current.AgencyId.ToString());
            return plan(current, actor, now);
        }, context.CancellationToken);
        return Settle(outcome, action, agreementId);
    }

    /// <summary>The agreement a transition left, or the refusal it came to as the caller's error.</summary>
    private static AgreementRecord Settle(TransitionOutcome outcome, LifecycleAction action, string agreementId) => outcome switch
    {
        TransitionOutcome.Done done => done.Agreement,
        TransitionOutcome.Missing => throw RpcErrors.NotFound("agreement", agreementId),
        TransitionOutcome.NotAllowed refused => throw NotAllowed(action, refused.Current),
        var other => throw new InvalidOperationException($"Unexpected transition outcome {other}."),
    };

    private static RpcException NotAllowed(LifecycleAction action, Domain.AgreementStatus current) =>
        RpcErrors.FailedPrecondition(
            $"Cannot {Lifecycle.Describe(action)} an agreement that is {current.Key()}; allowed only when "
            + $"{string.Join(" or ", Lifecycle.AllowedFrom(action).Select(s => s.Key()))}.");

    private static DateTime Stored(DateTimeOffset now) => DatabaseTime.ToStoredPrecision(now);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
