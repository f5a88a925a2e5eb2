using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Program287g.Contracts.Nominee;
using Program287g.Domain;
using Program287g.Nominee.Data;
using Program287g.Nominee.Domain;
using Program287g.Nominee.V1;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Errors;
using Program287g.ServiceDefaults.Grpc;
using NomineeStatus = Program287g.Nominee.Domain.NomineeStatus;

namespace Program287g.Nominee.Grpc;

/// <summary>The Form 70-006 authorization: issued under an active agreement, suspended, reinstated and revoked by ICE,
/// renewed by refresher training. Its end with the agreement is the cascade's (<see cref="Messaging.AgreementEnd"/>).</summary>
public sealed partial class NomineeGrpcService
{
    [Authorize(Policy = Policies.ProgramStaff)]
    public override async Task<IssueAuthorizationResponse> IssueAuthorization(IssueAuthorizationRequest request, ServerCallContext context)
    {
        var number = await store.NextAuthorizationNumberAsync(context.CancellationToken);
        return new() { Nominee = await StepAsync(request.NomineeId, PipelineStep.IssueAuthorization, context, (step, actor, now) =>
        {
            RequireActiveAgreement(step.Agreement, "issued");
            var issued = request.IssuedOn.ToDateOnly()!.Value;
            NotBefore(issued, step.Current.CertifiedOn!.Value, "issued_on", "the certification");
            var (refresherDue, expires) = terms.Value.For(ProgramModels.Parse(step.Current.Model)!.Value).From(issued);
            var authorization = ReferenceNumbers.Authorization(issued, number);
            var office = request.IssuingOffice.Trim();
            return new StepPlan
            {
                After = step.Current with
                {
                    Status = NomineeStatus.Authorized.Key(), StatusReason = null, AuthorizationNumber = authorization,
                    AuthorizationIssuedOn = issued, IssuingOffice = office, RefresherDueOn = refresherDue, ExpiresOn = expires,
                    AuthorizationStatus = "active", UpdatedAt = Stored(now),
                },
                Action = "authorized",
                EffectiveOn = issued,
                Note = $"Form 70-006 {authorization} issued by {office}",
                Events = after => [new AuthorizationIssued { MessageId = Guid.CreateVersion7(), OccurredAt = now,
                    Nominee = NomineeEvents.Snapshot(after, step.Agreement), Actor = actor.Subject, AuthorizationNumber = authorization,
                    IssuedOn = issued, IssuingOffice = office, RefresherDueOn = refresherDue, ExpiresOn = expires }],
            };
        }) };
    }

    [Authorize(Policy = Policies.ProgramStaff)]
    public override async Task<SuspendAuthorizationResponse> SuspendAuthorization(SuspendAuthorizationRequest request, ServerCallContext context) =>
        new() { Nominee = await StepAsync(request.NomineeId, PipelineStep.Suspend, context, (step, actor, now) =>
        {
            var reason = request.Reason.Trim();
            return new StepPlan
            {
                After = step.Current with
                {
                    Status = NomineeStatus.Suspended.Key(), StatusReason = reason, AuthorizationStatus = "suspended",
                    SuspensionCause = "officer", UpdatedAt = Stored(now),
                },
                Action = "suspended",
                EffectiveOn = Today(now),
                Note = reason,
                Events = after => [new AuthorizationSuspended { MessageId = Guid.CreateVersion7(), OccurredAt = now,
                    Nominee = NomineeEvents.Snapshot(after, step.Agreement), Actor = actor.Subject,
                    AuthorizationNumber = after.AuthorizationNumber!, Reason = reason, Cause = "officer" }],
            };
        }) };

    [Authorize(Policy = Policies.ProgramStaff)]
    public override async Task<ReinstateAuthorizationResponse> ReinstateAuthorization(ReinstateAuthorizationRequest request,
        ServerCallContext context) =>
        new() { Nominee = await StepAsync(request.NomineeId, PipelineStep.Reinstate, context, (step, actor, now) =>
        {
            if (step.Current.SuspensionCause == "agreement")
            {
                throw RpcErrors.FailedPrecondition(
                    $"Authorization {step.Current.AuthorizationNumber} is suspended with agreement {step.Agreement.ReferenceNumber}; "
                    + "it is reinstated when the agreement is.");
            }
            RequireActiveAgreement(step.Agreement, "reinstated");
            var note = Blank(request.Note);
            return new StepPlan
            {
                After = step.Current with
                {
                    Status = NomineeStatus.Authorized.Key(), StatusReason = null, AuthorizationStatus = "active", SuspensionCause = null,
                    UpdatedAt = Stored(now),
                },
                Action = "reinstated",
                EffectiveOn = Today(now),
                Note = note,
                Events = after => [new AuthorizationReinstated { MessageId = Guid.CreateVersion7(), OccurredAt = now,
                    Nominee = NomineeEvents.Snapshot(after, step.Agreement), Actor = actor.Subject,
                    AuthorizationNumber = after.AuthorizationNumber!, Note = note, Cause = "officer" }],
            };
        }) };

    [Authorize(Policy = Policies.ProgramStaff)]
    public override async Task<RevokeAuthorizationResponse> RevokeAuthorization(RevokeAuthorizationRequest request, ServerCallContext context) =>
        new() { Nominee = await StepAsync(request.NomineeId, PipelineStep.Revoke, context, (step, actor, now) =>
        {
            var reason = request.Reason.Trim();
            return new StepPlan
            {
                After = step.Current with
                {
                    Status = NomineeStatus.Revoked.Key(), StatusReason = reason, AuthorizationStatus = "revoked", SuspensionCause = null,
                    UpdatedAt = Stored(now),
                },
                Action = "revoked",
                EffectiveOn = Today(now),
                Note = reason,
                Events = after => [new AuthorizationRevoked { MessageId = Guid.CreateVersion7(), OccurredAt = now,
                    Nominee = NomineeEvents.Snapshot(after, step.Agreement), Actor = actor.Subject,
                    AuthorizationNumber = after.AuthorizationNumber!, Reason = reason }],
            };
        }) };

    [Authorize(Policy = Policies.StaffOrInternal)]
    public override async Task<RecordRefresherTrainingResponse> RecordRefresherTraining(RecordRefresherTrainingRequest request,
        ServerCallContext context) =>
        new() { Nominee = await StepAsync(request.NomineeId, PipelineStep.RecordRefresher, context, (step, actor, now) =>
        {
            var completed = request.CompletedOn.ToDateOnly()!.Value;
            NotBefore(completed, step.Current.AuthorizationIssuedOn!.Value, "completed_on", "the authorization was issued");
            var renews = step.Current.CurrentStatus == NomineeStatus.Expired;
            if (renews)
            {
                RequireActiveAgreement(step.Agreement, "renewed");
            }
            var (refresherDue, expires) = terms.Value.For(ProgramModels.Parse(step.Current.Model)!.Value).From(completed);
            return new StepPlan
            {
                After = step.Current with
                {
                    Status = renews ? NomineeStatus.Authorized.Key() : step.Current.Status,
                    AuthorizationStatus = renews ? "active" : step.Current.AuthorizationStatus,
                    StatusReason = renews ? null : step.Current.StatusReason,
                    RefresherDueOn = refresherDue, ExpiresOn = expires, UpdatedAt = Stored(now),
                },
                Action = renews ? "renewed" : "refresher-completed",
                EffectiveOn = completed,
                Note = $"Next refresher due {refresherDue:yyyy-MM-dd}" + (expires is { } end ? $"; authorization runs to {end:yyyy-MM-dd}" : ""),
                Events = after => [new RefresherTrainingRecorded { MessageId = Guid.CreateVersion7(), OccurredAt = now,
                    Nominee = NomineeEvents.Snapshot(after, step.Agreement), Actor = actor.Subject,
                    AuthorizationNumber = after.AuthorizationNumber!, CompletedOn = completed, RefresherDueOn = refresherDue, ExpiresOn = expires }],
            };
        }) };

    /// <summary>Authority is given only under an agreement in force: not while it is suspended, nor once it has ended.</summary>
    private static void RequireActiveAgreement(AgreementView agreement, string what)
    {
        if (!agreement.IsActive)
        {
            throw RpcErrors.FailedPrecondition(
                $"Agreement {agreement.ReferenceNumber} is {agreement.Status}; no authorization is {what} under it until it is active.");
        }
    }
}
