extern alias NomineeService;

using NomineeService::Program287g.Nominee.Domain;

namespace Program287g.UnitTests.Nominees;

public class ExamGradingTests
{
    private static readonly DateOnly Day = new(2026, 11, 2);

    private static TrainingCourse Course(params string[] exams) => new()
    {
        Id = "jem-basic", Model = "JEM", Title = "JEM", Exams = [.. exams.Select(id => new TrainingExam { Id = id, Title = id })],
    };

    private static ExamAttemptRecord A(string exam, int attempt, int score) => new(exam, attempt, score, Day);

    private static (ExamOutcome? Outcome, ExamRefusal? Refusal, bool Repeat) Grade(TrainingCourse course, ExamAttemptRecord attempt,
        params ExamAttemptRecord[] recorded) => ExamGrading.Grade(course, 70, 2, recorded, attempt);

    [Theory]
    [InlineData(70, ExamOutcome.TrainingCompleted)]
    [InlineData(100, ExamOutcome.TrainingCompleted)]
    [InlineData(69, ExamOutcome.FailedMayRetake)]
    [InlineData(0, ExamOutcome.FailedMayRetake)]
    public void The_pass_mark_is_70_percent_inclusive(int score, ExamOutcome expected) =>
        Grade(Course("final"), A("final", 1, score)).Outcome.ShouldBe(expected);

    [Fact]
    public void A_second_failure_dismisses_and_a_pass_on_the_retake_completes() =>
        (Grade(Course("final"), A("final", 2, 69), A("final", 1, 50)).Outcome,
            Grade(Course("final"), A("final", 2, 70), A("final", 1, 50)).Outcome)
            .ShouldBe((ExamOutcome.Dismissed, ExamOutcome.TrainingCompleted));

    [Fact]
    public void Training_completes_only_when_every_exam_of_the_course_is_passed()
    {
        var course = Course("law", "procedures", "final");
        Grade(course, A("law", 1, 90)).Outcome.ShouldBe(ExamOutcome.Passed);
        Grade(course, A("procedures", 2, 75), A("law", 1, 90), A("procedures", 1, 10)).Outcome.ShouldBe(ExamOutcome.Passed);
        Grade(course, A("final", 1, 80), A("law", 1, 90), A("procedures", 1, 10), A("procedures", 2, 75)).Outcome
            .ShouldBe(ExamOutcome.TrainingCompleted);
    }

    [Fact]
    public void A_failure_of_one_exam_with_others_passed_still_leaves_its_retake() =>
        Grade(Course("law", "final"), A("final", 1, 20), A("law", 1, 90)).Outcome.ShouldBe(ExamOutcome.FailedMayRetake);

    [Fact]
    public void Repeating_a_recorded_attempt_exactly_is_a_repeat_and_differently_a_conflict()
    {
        Grade(Course("final"), A("final", 1, 50), A("final", 1, 50)).Repeat.ShouldBeTrue();
        Grade(Course("final"), A("final", 1, 51), A("final", 1, 50)).Refusal.ShouldBe(ExamRefusal.Conflicts);
        Grade(Course("final"), new ExamAttemptRecord("final", 1, 50, Day.AddDays(1)), A("final", 1, 50)).Refusal.ShouldBe(ExamRefusal.Conflicts);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void An_attempt_out_of_order_is_refused(int attempt) =>
        Grade(Course("final"), A("final", attempt, 80)).Refusal.ShouldBe(ExamRefusal.OutOfOrder);

    [Fact]
    public void An_attempt_beyond_the_allowed_number_is_refused() =>
        Grade(Course("final"), A("final", 3, 80), A("final", 1, 10), A("final", 2, 10)).Refusal.ShouldBe(ExamRefusal.OutOfOrder);

    [Fact]
    public void A_passed_exam_is_not_retaken() =>
        Grade(Course("law", "final"), A("law", 2, 95), A("law", 1, 90)).Refusal.ShouldBe(ExamRefusal.AlreadyPassed);

    [Fact]
    public void Exam_ids_compare_without_case() =>
        Grade(Course("Final"), A("FINAL", 1, 90)).Outcome.ShouldBe(ExamOutcome.TrainingCompleted);

    [Fact]
    public void With_three_attempts_configured_a_second_failure_leaves_a_third() =>
        ExamGrading.Grade(Course("final"), 70, 3, [A("final", 1, 10)], A("final", 2, 20)).Outcome.ShouldBe(ExamOutcome.FailedMayRetake);
}
