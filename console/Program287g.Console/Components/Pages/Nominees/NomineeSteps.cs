using Program287g.Console.Components.Pages.Nominees.Dialogs;
using Program287g.Nominee.V1;

namespace Program287g.Console.Components.Pages.Nominees;

/// <summary>One step a person can take on a nominee: its button, the dialog that asks for its fields and confirms it,
/// and the statuses it is allowed from (the Nominee service's pipeline table; the service refuses any other).</summary>
public sealed record NomineeStep(string Key, string Label, Type Dialog, bool StaffOnly, bool Ends, IReadOnlyList<NomineeStatus> From)
{
    public bool AllowedFrom(NomineeStatus status) => From.Contains(status);
}

public static class NomineeSteps
{
    private static readonly NomineeStatus[] InPipeline =
    [
        NomineeStatus.Eligible, NomineeStatus.BackgroundInProgress, NomineeStatus.Cleared, NomineeStatus.InTraining,
        NomineeStatus.Trained, NomineeStatus.Certified,
    ];

    private static readonly NomineeStatus[] HoldingAuthorization = [NomineeStatus.Authorized, NomineeStatus.Suspended, NomineeStatus.Expired];

    /// <summary>In the order they come; an agency user may only withdraw (the others are ICE's, hidden as a courtesy).</summary>
    public static readonly IReadOnlyList<NomineeStep> All =
    [
        new("start-background", "Start background investigation", typeof(StartBackgroundDialog), true, false, [NomineeStatus.Eligible]),
        new("record-background", "Record background result", typeof(BackgroundResultDialog), true, false, [NomineeStatus.BackgroundInProgress]),
        new("enroll", "Enroll in training", typeof(EnrollDialog), true, false, [NomineeStatus.Cleared]),
        new("record-exam", "Record exam result", typeof(ExamResultDialog), true, false, [NomineeStatus.InTraining]),
        new("certify", "Certify", typeof(CertifyDialog), true, false, [NomineeStatus.Trained]),
        new("issue-authorization", "Issue authorization", typeof(IssueAuthorizationDialog), true, false, [NomineeStatus.Certified]),
        new("record-refresher", "Record refresher training", typeof(RefresherDialog), true, false, HoldingAuthorization),
        new("suspend", "Suspend authorization", typeof(AuthorizationChangeDialog), true, true, [NomineeStatus.Authorized]),
        new("reinstate", "Reinstate authorization", typeof(AuthorizationChangeDialog), true, false, [NomineeStatus.Suspended]),
        new("revoke", "Revoke authorization", typeof(AuthorizationChangeDialog), true, true, HoldingAuthorization),
        new("withdraw", "Withdraw nomination", typeof(WithdrawDialog), false, true, InPipeline),
    ];
}
