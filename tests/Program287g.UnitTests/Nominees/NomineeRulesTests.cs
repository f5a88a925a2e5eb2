extern alias NomineeService;

using NomineeService::Program287g.Nominee.Domain;
using Program287g.Domain;

namespace Program287g.UnitTests.Nominees;

public class NomineeRulesTests
{
    private static AuthorizationTerms MoaTerms() => new()
    {
        Models = new(StringComparer.OrdinalIgnoreCase)
        {
            ["JEM"] = new ModelTerms { RefresherEveryMonths = 24 },
            ["TFM"] = new ModelTerms { RefresherEveryMonths = 24, TermMonths = 24 },
            ["WSO"] = new ModelTerms { RefresherEveryMonths = 12 },
        },
    };

    [Theory]
    [InlineData(ProgramModel.JailEnforcement, "2026-11-30", "2028-11-30", null)]
    [InlineData(ProgramModel.TaskForce, "2026-11-30", "2028-11-30", "2028-11-30")]
    [InlineData(ProgramModel.WarrantServiceOfficer, "2026-11-30", "2027-11-30", null)]
    [InlineData(ProgramModel.TaskForce, "2024-02-29", "2026-02-28", "2026-02-28")]
    public void Refresher_and_term_dates_follow_the_models_terms(ProgramModel model, string issued, string refresher, string? expires)
    {
        var (refresherDue, expiresOn) = MoaTerms().For(model).From(DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture));

        refresherDue.ShouldBe(DateOnly.Parse(refresher, System.Globalization.CultureInfo.InvariantCulture));
        expiresOn.ShouldBe(expires is null ? null : DateOnly.Parse(expires, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Terms_missing_a_model_are_reported_at_start_up()
    {
        var terms = MoaTerms();
        terms.Models.Remove("WSO");
        terms.Models["JEM"].RefresherEveryMonths = 0;

        terms.Problems().ShouldBe([
            "Authorization:Models:JEM needs RefresherEveryMonths (and TermMonths, if set) of 1 to 120.",
            "Authorization:Models has no terms for WSO.",
        ]);
        MoaTerms().Problems().ShouldBeEmpty();
    }

    [Fact]
    public void A_catalog_without_a_course_for_every_model_or_with_exam_less_or_repeated_courses_is_reported()
    {
        var catalog = new TrainingCatalog
        {
            Courses =
            [
                new() { Id = "jem", Model = "JEM", Title = "JEM", Exams = [new() { Id = "a" }, new() { Id = "A" }] },
                new() { Id = "JEM", Model = "TFM", Title = "TFM", Exams = [] },
            ],
        };

        catalog.Problems().ShouldBe([
            "Training:Courses has no course for WSO.",
            "Training:Courses lists 'jem' more than once.",
            "Training course 'jem' needs at least one exam, each with an Id of its own.",
            "Training course 'JEM' needs at least one exam, each with an Id of its own.",
        ]);
    }

    [Fact]
    public void Every_status_but_the_final_ones_has_a_step_out_of_it()
    {
        var left = Enum.GetValues<PipelineStep>().SelectMany(Pipeline.AllowedFrom).ToHashSet();

        Enum.GetValues<NomineeStatus>().Where(s => !left.Contains(s)).Order().ShouldBe(NomineeStatuses.Final.Order());
    }

    [Fact]
    public void Statuses_are_stored_by_their_snake_case_names_and_read_back()
    {
        foreach (var status in Enum.GetValues<NomineeStatus>())
        {
            NomineeStatuses.Parse(status.Key()).ShouldBe(status);
        }
        NomineeStatus.BackgroundInProgress.Key().ShouldBe("background_in_progress");
    }

    [Fact]
    public void Reference_numbers_carry_the_year_and_six_digits()
    {
        ReferenceNumbers.Nomination(new DateOnly(2026, 12, 1), 42).ShouldBe("287G-N-2026-000042");
        ReferenceNumbers.Authorization(new DateOnly(2027, 1, 4), 123).ShouldBe("DIO-2027-000123");
    }
}
