using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Program287g.Contracts;
using Program287g.Contracts.Nominee;
using Program287g.Nominee.Data;
using Program287g.Nominee.Domain;
using Program287g.Nominee.V1;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Errors;
using Program287g.ServiceDefaults.Grpc;
using NomineeStatus = Program287g.Nominee.Domain.NomineeStatus;
using TrainingCourse = Program287g.Nominee.Domain.TrainingCourse;

namespace Program287g.Nominee.Grpc;

/// <summary>Exam results: graded by <see cref="ExamGrading"/> against the attempts recorded so far, under the nominee's
/// row lock, so two results for one nominee cannot both count as the retake.</summary>
public sealed partial class NomineeGrpcService
{
    [Authorize(Policy = Policies.StaffOrInternal)]
    public override async Task<RecordExamResultResponse> RecordExamResult(RecordExamResultRequest request, ServerCallContext context)
    {
        var passed = request.ScorePercent >= Catalog.PassMarkPercent;
        var nominee = await StepAsync(request.NomineeId, PipelineStep.RecordExam, context, (step, actor, now) =>
        {
            var course = Catalog.Find(step.Current.CourseId!)
                ?? throw RpcErrors.FailedPrecondition($"Course '{step.Current.CourseId}' is no longer in the catalog; enrol the nominee again.");
            var exam = course.FindExam(request.ExamId.Trim())
                ?? throw RpcErrors.InvalidArgument("exam_id",
                    $"'exam_id' names no exam of course '{course.Id}' ({string.Join(", ", course.Exams.Select(e => e.Id))}).");
            var takenOn = request.TakenOn.ToDateOnly()!.Value;
            NotBefore(takenOn, step.Current.TrainingStartsOn!.Value, "taken_on", "the course started");
            var attempt = new ExamAttemptRecord(exam.Id, request.Attempt, request.ScorePercent, takenOn);
            var (outcome, refusal, repeat) = ExamGrading.Grade(course, Catalog.PassMarkPercent, Catalog.AttemptsPerExam, step.Attempts, attempt);
            if (repeat)
            {
                return StepPlan.Repeat(step.Current);
            }
            if (refusal is { } refused)
            {
                throw Refusal(refused, step.Current, exam, attempt, step.Attempts);
            }
            return ExamPlan(step, course, exam, attempt, outcome!.Value, actor, now, context.CancellationToken);
        });
        return new RecordExamResultResponse { Nominee = nominee, Passed = passed };
    }

    private StepPlan ExamPlan(StepContext step, TrainingCourse course, TrainingExam exam, ExamAttemptRecord attempt, ExamOutcome outcome,
        Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var snapshotOf = (NomineeRecord after) => NomineeEvents.Snapshot(after, step.Agreement);
        (NomineeStatus Status, string Action, string? Reason, Func<NomineeRecord, IntegrationEvent>? Raise) result = outcome switch
        {
            ExamOutcome.Passed => (NomineeStatus.InTraining, "exam-passed", null, null),
            ExamOutcome.FailedMayRetake => (NomineeStatus.InTraining, "exam-failed", null, null),
            ExamOutcome.TrainingCompleted => (NomineeStatus.Trained, "training-completed", null,
                after => new TrainingCompleted { MessageId = Guid.CreateVersion7(), OccurredAt = now,
                    Nominee = snapshotOf(after), Actor = actor.Subject, CourseId = course.Id, CompletedOn = attempt.TakenOn }),
            ExamOutcome.Dismissed => (NomineeStatus.Dismissed, "dismissed",
                $"Failed '{exam.Title}' {Catalog.AttemptsPerExam} times; the MOA allows one retake.",
                after => new NomineeDismissed { MessageId = Guid.CreateVersion7(), OccurredAt = now, Nominee = snapshotOf(after),
                    Actor = actor.Subject, CourseId = course.Id, ExamId = exam.Id, DismissedOn = attempt.TakenOn }),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
        };
        return new StepPlan
        {
            After = step.Current with
            {
                Status = result.Status.Key(), StatusReason = result.Reason,
                TrainingCompletedOn = outcome == ExamOutcome.TrainingCompleted ? attempt.TakenOn : step.Current.TrainingCompletedOn,
                UpdatedAt = Stored(now),
            },
            Action = result.Action,
            EffectiveOn = attempt.TakenOn,
            Note = $"{exam.Title}, attempt {attempt.Attempt}: {attempt.ScorePercent}% (pass mark {Catalog.PassMarkPercent}%)",
            AlsoWrite = transaction => ExamAttempts.InsertAsync(transaction, step.Current.Id, attempt, Stored(now), cancellationToken),
            Events = result.Raise is not { } raise ? null : after => [raise(after)],
        };
    }

    private RpcException Refusal(ExamRefusal refusal, NomineeRecord nominee, TrainingExam exam, ExamAttemptRecord attempt,
        IReadOnlyList<ExamAttemptRecord> recorded)
    {
        var taken = recorded.Count(r => string.Equals(r.ExamId, exam.Id, StringComparison.OrdinalIgnoreCase));
        return refusal switch
        {
            ExamRefusal.Conflicts => RpcErrors.AlreadyExists("exam_attempt", $"{nominee.Id}/{exam.Id}/{attempt.Attempt}",
                $"Attempt {attempt.Attempt} at '{exam.Id}' is recorded already with another score or date."),
            ExamRefusal.AlreadyPassed => RpcErrors.FailedPrecondition($"Exam '{exam.Id}' is passed already; there is nothing to retake."),
            _ => RpcErrors.FailedPrecondition(
                $"Attempt {attempt.Attempt} at '{exam.Id}' is out of order: {taken} recorded, {Catalog.AttemptsPerExam} allowed; "
                + $"the next is attempt {taken + 1}."),
        };
    }
}
