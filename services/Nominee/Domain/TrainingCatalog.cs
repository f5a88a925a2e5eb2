using System.ComponentModel.DataAnnotations;
using Program287g.Domain;

namespace Program287g.Nominee.Domain;

/// <summary>The "Training" configuration section: ICE's courses per model and the MOAs' exam rules. Configured, so that
/// ICE changing a course (its length, its exams) is a settings change, not a code change.</summary>
public sealed class TrainingCatalog
{
    public const string SectionName = "Training";

    /// <summary>The MOAs: 70% on each exam.</summary>
    [Range(1, 100)]
    public int PassMarkPercent { get; set; } = 70;

    /// <summary>The MOAs: one retake, so two attempts; failing twice ends the nomination.</summary>
    [Range(1, 10)]
    public int AttemptsPerExam { get; set; } = 2;

    public List<TrainingCourse> Courses { get; set; } = [];

    public TrainingCourse? Find(string courseId) =>
        Courses.FirstOrDefault(course => string.Equals(course.Id, courseId, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<TrainingCourse> For(ProgramModel model) => Courses.Where(course => course.ProgramModel == model);

    /// <summary>Why the catalog cannot be used, or nothing: every model needs a course, ids are unique, every course has
    /// exams with unique ids.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var model in ProgramModels.All.Where(model => !For(model).Any()))
        {
            yield return $"Training:Courses has no course for {model.Code()}.";
        }
        foreach (var id in Courses.GroupBy(c => c.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            yield return $"Training:Courses lists '{id}' more than once.";
        }
        foreach (var course in Courses)
        {
            if (string.IsNullOrWhiteSpace(course.Id) || string.IsNullOrWhiteSpace(course.Title) || course.ProgramModel is null)
            {
                yield return $"Training course '{course.Id}' needs an Id, a Title and a Model (JEM, TFM or WSO).";
            }
            if (course.Exams.Count == 0 || course.Exams.Select(e => e.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count() != course.Exams.Count)
            {
                yield return $"Training course '{course.Id}' needs at least one exam, each with an Id of its own.";
            }
        }
    }
}

public sealed class TrainingCourse
{
    public string Id { get; set; } = "";
    /// <summary>"JEM", "TFM" or "WSO".</summary>
    public string Model { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>"in-person" or "online".</summary>
    public string Delivery { get; set; } = "";
    public int DurationHours { get; set; }
    public int DurationWeeks { get; set; }
    public List<TrainingExam> Exams { get; set; } = [];

    public ProgramModel? ProgramModel => ProgramModels.Parse(Model);

    public TrainingExam? FindExam(string examId) =>
        Exams.FirstOrDefault(exam => string.Equals(exam.Id, examId, StringComparison.OrdinalIgnoreCase));
}

public sealed class TrainingExam
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
}
