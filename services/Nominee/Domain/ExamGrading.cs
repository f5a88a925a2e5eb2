namespace Program287g.Nominee.Domain;

/// <summary>One recorded attempt at one exam.</summary>
public sealed record ExamAttemptRecord(string ExamId, int Attempt, int ScorePercent, DateOnly TakenOn)
{
    public bool Passed(int passMarkPercent) => ScorePercent >= passMarkPercent;
}

/// <summary>What an attempt comes to.</summary>
public enum ExamOutcome
{
    /// <summary>Passed; other exams of the course remain.</summary>
    Passed,
    /// <summary>Passed, and it was the last exam outstanding: training is complete.</summary>
    TrainingCompleted,
    /// <summary>Failed with a retake left.</summary>
    FailedMayRetake,
    /// <summary>Failed with no attempt left: the nominee is dismissed.</summary>
    Dismissed,
}

/// <summary>Why an attempt cannot be recorded.</summary>
public enum ExamRefusal
{
    /// <summary>The exam was already passed: there is nothing to retake.</summary>
    AlreadyPassed,
    /// <summary>The attempt number is not the next one (e.g. a retake before a first attempt).</summary>
    OutOfOrder,
    /// <summary>This attempt is recorded already with another result.</summary>
    Conflicts,
}

/// <summary>The MOAs' exam rules: the pass mark applies to each exam; each exam may be retaken until the attempts
/// run out (one retake); running out dismisses the nominee; training is complete when every exam is passed.</summary>
public static class ExamGrading
{
    /// <summary>Grades <paramref name="attempt"/> against the attempts already recorded for the course. A repeat of an
    /// attempt exactly as recorded is <c>Repeat = true</c>: the caller changes nothing.</summary>
    public static (ExamOutcome? Outcome, ExamRefusal? Refusal, bool Repeat) Grade(TrainingCourse course, int passMarkPercent,
        int attemptsPerExam, IReadOnlyList<ExamAttemptRecord> recorded, ExamAttemptRecord attempt)
    {
        var same = recorded.Where(r => string.Equals(r.ExamId, attempt.ExamId, StringComparison.OrdinalIgnoreCase)).ToList();
        if (same.FirstOrDefault(r => r.Attempt == attempt.Attempt) is { } existing)
        {
            return existing.ScorePercent == attempt.ScorePercent && existing.TakenOn == attempt.TakenOn
                ? (null, null, true)
                : (null, ExamRefusal.Conflicts, false);
        }
        if (same.Any(r => r.Passed(passMarkPercent)))
        {
            return (null, ExamRefusal.AlreadyPassed, false);
        }
        if (attempt.Attempt != same.Count + 1 || attempt.Attempt > attemptsPerExam)
        {
            return (null, ExamRefusal.OutOfOrder, false);
        }
        if (!attempt.Passed(passMarkPercent))
        {
            return (attempt.Attempt >= attemptsPerExam ? ExamOutcome.Dismissed : ExamOutcome.FailedMayRetake, null, false);
        }
        var passedAfter = recorded.Append(attempt).Where(r => r.Passed(passMarkPercent))
            .Select(r => r.ExamId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (course.Exams.All(exam => passedAfter.Contains(exam.Id)) ? ExamOutcome.TrainingCompleted : ExamOutcome.Passed, null, false);
    }
}
