using Program287g.Agreement.V1;
using Program287g.Nominee.V1;
using Program287g.Testing;

namespace Program287g.ServiceTests.Nominees;

/// <summary>Dates that arrive: a Task Force Model authorization's first two-year term running out without refresher
/// training. The clock is the Nominee service's own, moved by the test.</summary>
[Collection(ServersCollection.Name)]
public sealed class CalendarTests(NomineeSystemFixture fixture) : IClassFixture<NomineeSystemFixture>
{
    private readonly NomineeSystem _system = fixture.System;
    private readonly NomineePath _path = new(fixture.System);

    private async Task<Program287g.Nominee.V1.Nominee> GetAsync(Program287g.Nominee.V1.Nominee nominee) =>
        (await _system.Nominees().GetNomineeAsync(new() { NomineeId = nominee.NomineeId })).Nominee;

    [Fact]
    public async Task A_TFM_authorization_expires_at_the_end_of_its_term_and_refresher_training_renews_it()
    {
        var agreement = await _system.ActiveAgreementAsync(Model.Tfm);
        var officer = await _path.InStatusAsync(NomineeStatus.Authorized, agreement);
        var jem = await _path.InStatusAsync(NomineeStatus.Authorized, await _system.ActiveAgreementAsync(Model.Jem));
        var termEnds = _system.Today.AddMonths(24);

        // The day before the term ends, a sweep leaves it; on the day, the calendar's timer expires it.
        _system.Clock.SetUtcNow(Program287g.Domain.ProgramTime.StartOf(termEnds.AddDays(-1)).AddHours(12));
        await _system.Calendar.SweepAsync(CancellationToken.None);
        (await GetAsync(officer)).Status.ShouldBe(NomineeStatus.Authorized);
        _system.Clock.Advance(TimeSpan.FromDays(1));
        var expired = await Eventually.ReturnsAsync(() => GetAsync(officer), n => n.Status == NomineeStatus.Expired, TimeSpan.FromSeconds(30));

        expired.Authorization.Status.ShouldBe(AuthorizationStatus.Expired);
        (await _system.OutboxAsync("AuthorizationExpired", officer.NomineeId)).ShouldHaveSingleItem()
            .GetProperty("ExpiredOn").GetString().ShouldBe(termEnds.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        // A Jail Enforcement Model authorization has no term: it runs with the agreement.
        (await GetAsync(jem)).Status.ShouldBe(NomineeStatus.Authorized);

        var renewed = await _path.Do("record-refresher", expired);
        renewed.Status.ShouldBe(NomineeStatus.Authorized);
        renewed.Authorization.Status.ShouldBe(AuthorizationStatus.Active);
        renewed.Authorization.ExpiresOn.ShouldBe(NomineeSystem.Date(_system.Today.AddMonths(24)));
        (await _system.Nominees().GetNomineeHistoryAsync(new() { NomineeId = officer.NomineeId })).Steps.Select(s => s.Action)
            .TakeLast(2).ShouldBe(["expired", "renewed"]);
    }
}

/// <summary>A catalog whose Jail Enforcement course has two exams: training is complete only once both are passed.</summary>
public sealed class TwoExamNomineeSystem(TestInfrastructure servers) : IAsyncLifetime
{
    public NomineeSystem System { get; private set; } = null!;

    public async Task InitializeAsync() => System = await NomineeSystem.StartAsync(servers, new Dictionary<string, string?>
    {
        ["Training:Courses:0:Exams:0:Id"] = "law",
        ["Training:Courses:0:Exams:0:Title"] = "Immigration law and authority",
        ["Training:Courses:0:Exams:1:Id"] = "final",
        ["Training:Courses:0:Exams:1:Title"] = "Jail enforcement procedures",
    });

    public async Task DisposeAsync() => await System.DisposeAsync();
}

[Collection(ServersCollection.Name)]
public sealed class ConfiguredCatalogTests(TwoExamNomineeSystem fixture) : IClassFixture<TwoExamNomineeSystem>
{
    private readonly NomineeSystem _system = fixture.System;

    [Fact]
    public async Task The_catalog_comes_from_configuration_and_training_completes_when_every_exam_is_passed()
    {
        var staff = _system.Nominees();
        var course = (await staff.ListTrainingCoursesAsync(new() { Model = Model.Jem })).Courses.ShouldHaveSingleItem();
        course.Exams.Select(e => e.ExamId).ShouldBe(["law", "final"]);
        var nominee = await new NomineePath(_system).InStatusAsync(NomineeStatus.InTraining, await _system.ActiveAgreementAsync());

        var afterFinal = await new NomineePath(_system).Do("record-exam", nominee);
        afterFinal.Status.ShouldBe(NomineeStatus.InTraining);
        var afterLaw = (await staff.RecordExamResultAsync(new()
        {
            NomineeId = nominee.NomineeId, ExamId = "law", Attempt = 1, ScorePercent = 70, TakenOn = _system.DaysAgo(0),
        })).Nominee;

        afterLaw.Status.ShouldBe(NomineeStatus.Trained);
        afterLaw.Training.Exams.Select(e => (e.ExamId, e.Title, e.Passed)).ShouldBe(
            [("law", "Immigration law and authority", true), ("final", "Jail enforcement procedures", true)]);
    }
}
