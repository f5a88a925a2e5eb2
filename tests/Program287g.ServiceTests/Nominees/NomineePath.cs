using Program287g.Agreement.V1;
using Program287g.Nominee.V1;

namespace Program287g.ServiceTests.Nominees;

/// <summary>Each step of the pipeline by name, with valid arguments dated the Nominee service's today, and the way to
/// bring a new nominee to any status through the API.</summary>
public sealed class NomineePath(NomineeSystem system)
{
    public static readonly string[] Steps =
    [
        "withdraw", "start-background", "record-background", "enroll", "record-exam", "certify", "issue-authorization",
        "suspend", "reinstate", "revoke", "record-refresher",
    ];


    public static string CourseFor(Model model) => model switch
    {
        Model.Jem => "jem-basic",
        Model.Tfm => "tfm-basic",
        _ => "wso-basic",
    };

    /// <summary>Takes <paramref name="step"/> (passing, where a step can pass or fail) and answers the nominee after it; as
    /// program staff, with <paramref name="token"/> if given.</summary>
    public async Task<Program287g.Nominee.V1.Nominee> Do(string step, Program287g.Nominee.V1.Nominee nominee, int examAttempt = 1,
        int score = 85, string? token = null)
    {
        var staff = system.Nominees(token);
        var id = nominee.NomineeId;
        var today = system.DaysAgo(0);
        return step switch
        {
            "withdraw" => (await staff.WithdrawNominationAsync(new() { NomineeId = id, Reason = "officer transferred" })).Nominee,
            "start-background" => (await staff.StartBackgroundInvestigationAsync(new() { NomineeId = id, StartedOn = today })).Nominee,
            "record-background" => (await staff.RecordBackgroundResultAsync(new()
            {
                NomineeId = id, Outcome = BackgroundOutcome.Passed, CompletedOn = today,
            })).Nominee,
            "fail-background" => (await staff.RecordBackgroundResultAsync(new()
            {
                NomineeId = id, Outcome = BackgroundOutcome.Failed, CompletedOn = today, Note = "disciplinary history",
            })).Nominee,
            "enroll" => (await staff.EnrollInTrainingAsync(new()
            {
                NomineeId = id, CourseId = CourseFor(nominee.Agreement.Model), StartsOn = today,
            })).Nominee,
            "record-exam" => (await staff.RecordExamResultAsync(new()
            {
                NomineeId = id, ExamId = "final", Attempt = examAttempt, ScorePercent = score, TakenOn = today,
            })).Nominee,
            "certify" => (await staff.CertifyOfficerAsync(new()
            {
                NomineeId = id, CertifiedOn = today, CertifiedBy = "Dana Trainer", CertifiedByTitle = "287(g) Program Manager",
            })).Nominee,
            "issue-authorization" => (await staff.IssueAuthorizationAsync(new()
            {
                NomineeId = id, IssuedOn = today, IssuingOffice = "ERO Houston Field Office",
            })).Nominee,
            "suspend" => (await staff.SuspendAuthorizationAsync(new() { NomineeId = id, Reason = "use-of-force inquiry" })).Nominee,
            "reinstate" => (await staff.ReinstateAuthorizationAsync(new() { NomineeId = id, Note = "inquiry closed" })).Nominee,
            "revoke" => (await staff.RevokeAuthorizationAsync(new() { NomineeId = id, Reason = "misconduct substantiated" })).Nominee,
            "record-refresher" => (await staff.RecordRefresherTrainingAsync(new() { NomineeId = id, CompletedOn = today })).Nominee,
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
        };
    }

    /// <summary>A new nominee under <paramref name="agreement"/> brought to <paramref name="status"/> through the API.</summary>
    public async Task<Program287g.Nominee.V1.Nominee> InStatusAsync(NomineeStatus status, Program287g.Agreement.V1.Agreement agreement)
    {
        if (status == NomineeStatus.Ineligible)
        {
            return (await system.Nominees().NominateOfficerAsync(NomineeSystem.Nomination(agreement, citizen: false))).Nominee;
        }
        var nominee = await system.NominateAsync(agreement);
        string[] route = status switch
        {
            NomineeStatus.Eligible => [],
            NomineeStatus.Withdrawn => ["withdraw"],
            NomineeStatus.BackgroundInProgress => ["start-background"],
            NomineeStatus.BackgroundFailed => ["start-background", "fail-background"],
            NomineeStatus.Cleared => ["start-background", "record-background"],
            NomineeStatus.InTraining => ["start-background", "record-background", "enroll"],
            NomineeStatus.Trained => ["start-background", "record-background", "enroll", "record-exam"],
            NomineeStatus.Certified => ["start-background", "record-background", "enroll", "record-exam", "certify"],
            NomineeStatus.Authorized => ["start-background", "record-background", "enroll", "record-exam", "certify", "issue-authorization"],
            NomineeStatus.Suspended => ["start-background", "record-background", "enroll", "record-exam", "certify", "issue-authorization", "suspend"],
            NomineeStatus.Revoked => ["start-background", "record-background", "enroll", "record-exam", "certify", "issue-authorization", "revoke"],
            NomineeStatus.Dismissed => ["start-background", "record-background", "enroll", "fail-exam-1", "fail-exam-2"],
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not reachable by the nominee's own steps."),
        };
        foreach (var step in route)
        {
            nominee = step switch
            {
                "fail-exam-1" => await Do("record-exam", nominee, examAttempt: 1, score: 40),
                "fail-exam-2" => await Do("record-exam", nominee, examAttempt: 2, score: 55),
                _ => await Do(step, nominee),
            };
        }
        nominee.Status.ShouldBe(status);
        return nominee;
    }
}
