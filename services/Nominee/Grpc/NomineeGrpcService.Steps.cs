using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Program287g.Audit;
using Program287g.Contracts.Nominee;
using Program287g.Domain;
using Program287g.Nominee.Data;
using Program287g.Nominee.Domain;
using Program287g.Nominee.V1;
using Program287g.Persistence;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Errors;
using Program287g.ServiceDefaults.Grpc;
using NomineeStatus = Program287g.Nominee.Domain.NomineeStatus;

namespace Program287g.Nominee.Grpc;

/// <summary>The pipeline before the authorization: withdrawal, the background investigation and enrolment. Each step
/// loads the nominee under the locks, checks the step against <see cref="Pipeline"/> and writes it, its history entry
/// and its event in one transaction.</summary>
public sealed partial class NomineeGrpcService
{
    public override async Task<WithdrawNominationResponse> WithdrawNomination(WithdrawNominationRequest request, ServerCallContext context) =>
        new() { Nominee = await StepAsync(request.NomineeId, PipelineStep.Withdraw, context, (step, actor, now) =>
        {
            var reason = Blank(request.Reason);
            return new StepPlan
            {
                After = step.Current with { Status = NomineeStatus.Withdrawn.Key(), StatusReason = reason, UpdatedAt = Stored(now) },
                Action = "withdrawn",
                EffectiveOn = Today(now),
                Note = reason,
                Events = after => [new NominationWithdrawn { MessageId = Guid.CreateVersion7(), OccurredAt = now,
                    Nominee = NomineeEvents.Snapshot(after, step.Agreement), Actor = actor.Subject, Reason = reason }],
            };
        }) };

    [Authorize(Policy = Policies.StaffOrInternal)]
    public override async Task<StartBackgroundInvestigationResponse> StartBackgroundInvestigation(StartBackgroundInvestigationRequest request,
        ServerCallContext context) =>
        new() { Nominee = await StepAsync(request.NomineeId, PipelineStep.StartBackground, context, (step, actor, now) =>
        {
            var started = request.StartedOn.ToDateOnly()!.Value;
            NotBefore(started, step.Current.NominatedOn, "started_on", "the nomination");
            return new StepPlan
            {
                After = step.Current with { Status = NomineeStatus.BackgroundInProgress.Key(), BackgroundStartedOn = started, UpdatedAt = Stored(now) },
                Action = "background-started",
                EffectiveOn = started,
                Events = after => [new BackgroundInvestigationStarted { MessageId = Guid.CreateVersion7(), OccurredAt = now,
                    Nominee = NomineeEvents.Snapshot(after, step.Agreement), Actor = actor.Subject, StartedOn = started }],
            };
        }) };

    [Authorize(Policy = Policies.StaffOrInternal)]
    public override async Task<RecordBackgroundResultResponse> RecordBackgroundResult(RecordBackgroundResultRequest request,
        ServerCallContext context) =>
        new() { Nominee = await StepAsync(request.NomineeId, PipelineStep.RecordBackground, context, (step, actor, now) =>
        {
            var completed = request.CompletedOn.ToDateOnly()!.Value;
            NotBefore(completed, step.Current.BackgroundStartedOn!.Value, "completed_on", "the investigation started");
            var passed = request.Outcome == BackgroundOutcome.Passed;
            return new StepPlan
            {
                After = step.Current with
                {
                    Status = (passed ? NomineeStatus.Cleared : NomineeStatus.BackgroundFailed).Key(),
                    StatusReason = passed ? null : "The background investigation was not passed.",
                    BackgroundPassed = passed, BackgroundCompletedOn = completed, UpdatedAt = Stored(now),
                },
                Action = passed ? "background-passed" : "background-failed",
                EffectiveOn = completed,
                Note = Blank(request.Note),
                Events = after => [new BackgroundInvestigationRecorded { MessageId = Guid.CreateVersion7(), OccurredAt = now,
                    Nominee = NomineeEvents.Snapshot(after, step.Agreement), Actor = actor.Subject, Passed = passed, CompletedOn = completed }],
            };
        }) };

    [Authorize(Policy = Policies.StaffOrInternal)]
    public override async Task<EnrollInTrainingResponse> EnrollInTraining(EnrollInTrainingRequest request, ServerCallContext context) =>
        new() { Nominee = await StepAsync(request.NomineeId, PipelineStep.Enroll, context, (step, actor, now) =>
        {
            var course = Catalog.Find(request.CourseId.Trim())
                ?? throw RpcErrors.InvalidArgument("course_id", $"'course_id' names no course of the catalog ({CourseIds()}).");
            if (course.ProgramModel?.Code() != step.Current.Model)
            {
                throw RpcErrors.InvalidArgument("course_id",
                    $"Course '{course.Id}' trains for {course.Model}; this nominee is nominated under a {step.Current.Model} agreement.");
            }
            var starts = request.StartsOn.ToDateOnly()!.Value;
            NotBefore(starts, step.Current.BackgroundCompletedOn!.Value, "starts_on", "the background investigation was passed");
            return new StepPlan
            {
                After = step.Current with { Status = NomineeStatus.InTraining.Key(), CourseId = course.Id, TrainingStartsOn = starts, UpdatedAt = Stored(now) },
                Action = "enrolled",
                EffectiveOn = starts,
                Note = course.Title,
                Events = after => [new TrainingEnrolled { MessageId = Guid.CreateVersion7(), OccurredAt = now,
                    Nominee = NomineeEvents.Snapshot(after, step.Agreement), Actor = actor.Subject, CourseId = course.Id,
                    CourseTitle = course.Title, StartsOn = starts }],
            };
        }) };

    [Authorize(Policy = Policies.ProgramStaff)]
    public override async Task<CertifyOfficerResponse> CertifyOfficer(CertifyOfficerRequest request, ServerCallContext context) =>
        new() { Nominee = await StepAsync(request.NomineeId, PipelineStep.Certify, context, (step, actor, now) =>
        {
            var certified = request.CertifiedOn.ToDateOnly()!.Value;
            NotBefore(certified, step.Current.TrainingCompletedOn!.Value, "certified_on", "the training was completed");
            var by = request.CertifiedBy.Trim();
            return new StepPlan
            {
                After = step.Current with
                {
                    Status = NomineeStatus.Certified.Key(), CertifiedOn = certified, CertifiedBy = by,
                    CertifiedByTitle = request.CertifiedByTitle.Trim(), UpdatedAt = Stored(now),
                },
                Action = "certified",
                EffectiveOn = certified,
                Note = $"Certified by {by}, {request.CertifiedByTitle.Trim()}",
                Events = after => [new OfficerCertified { MessageId = Guid.CreateVersion7(), OccurredAt = now,
                    Nominee = NomineeEvents.Snapshot(after, step.Agreement), Actor = actor.Subject, CertifiedOn = certified, CertifiedBy = by }],
            };
        }) };

    /// <summary>One step for the caller, answered with the nominee as they are after it: NOT_FOUND, PERMISSION_DENIED for
    /// an agency user's step on another agency's nominee, or FAILED_PRECONDITION naming the current status when the step
    /// is not allowed from it.</summary>
    private async Task<V1.Nominee> StepAsync(string nomineeId, PipelineStep step, ServerCallContext context,
        Func<StepContext, Actor, DateTimeOffset, StepPlan> plan)
    {
        var caller = Caller.From(context);
        var actor = ActorOf(caller);
        var now = clock.GetUtcNow();
        var outcome = await store.StepAsync(Guid.Parse(nomineeId), step, actor, AuditActor.From(context), nominee => caller.EnsureMayActFor(nominee.AgencyId.ToString()),
            current => plan(current, actor, now), context.CancellationToken);
        return outcome switch
        {
            StepOutcome.Done done => (await queries.FindAsync(done.Nominee.Id, context.CancellationToken))!.ToMessage(Catalog),
            StepOutcome.Missing => throw RpcErrors.NotFound("nominee", nomineeId),
            StepOutcome.NotAllowed refused => throw RpcErrors.FailedPrecondition(
                $"Cannot {Pipeline.Describe(step)} a nominee who is {refused.Current.Describe()}; allowed only when "
                + $"{string.Join(" or ", Pipeline.AllowedFrom(step).Select(s => s.Describe()))}."),
            _ => throw new InvalidOperationException($"Unexpected step outcome {outcome}."),
        };
    }

    /// <summary>A step's date cannot come before the step it follows.</summary>
    private static void NotBefore(DateOnly date, DateOnly earliest, string field, string what)
    {
        if (date < earliest)
        {
            throw RpcErrors.InvalidArgument(field, $"'{field}' cannot be before {what} ({earliest:yyyy-MM-dd}).");
        }
    }

    private string CourseIds() => string.Join(", ", Catalog.Courses.Select(c => c.Id));

    private static DateOnly Today(DateTimeOffset now) => Program287g.Domain.ProgramTime.DateOf(now);

    private static DateTime Stored(DateTimeOffset now) => DatabaseTime.ToStoredPrecision(now);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
