using System.Collections.Frozen;

namespace Program287g.Nominee.Domain;

/// <summary>What can be done to a nominee.</summary>
public enum PipelineStep
{
    Withdraw,
    StartBackground,
    RecordBackground,
    Enroll,
    RecordExam,
    Certify,
    IssueAuthorization,
    Suspend,
    Reinstate,
    Revoke,
    RecordRefresher,
}

/// <summary>The pipeline as a table: each step and the statuses it may be taken from. Where it leads is the step's own
/// business (a background result passes or fails; an exam keeps the nominee in training, completes it or dismisses
/// them). Everything else is refused with FAILED_PRECONDITION naming the current status.</summary>
public static class Pipeline
{
    private static readonly FrozenDictionary<PipelineStep, NomineeStatus[]> AllowedFromTable = new Dictionary<PipelineStep, NomineeStatus[]>
    {
        // Once authorized, only ICE can end an officer's authority (revoke), so the agency withdraws before that.
        [PipelineStep.Withdraw] = [.. NomineeStatuses.InPipeline],
        [PipelineStep.StartBackground] = [NomineeStatus.Eligible],
        [PipelineStep.RecordBackground] = [NomineeStatus.BackgroundInProgress],
        [PipelineStep.Enroll] = [NomineeStatus.Cleared],
        [PipelineStep.RecordExam] = [NomineeStatus.InTraining],
        [PipelineStep.Certify] = [NomineeStatus.Trained],
        [PipelineStep.IssueAuthorization] = [NomineeStatus.Certified],
        [PipelineStep.Suspend] = [NomineeStatus.Authorized],
        [PipelineStep.Reinstate] = [NomineeStatus.Suspended],
        [PipelineStep.Revoke] = [NomineeStatus.Authorized, NomineeStatus.Suspended, NomineeStatus.Expired],
        [PipelineStep.RecordRefresher] = [NomineeStatus.Authorized, NomineeStatus.Suspended, NomineeStatus.Expired],
    }.ToFrozenDictionary();

    public static bool Allows(PipelineStep step, NomineeStatus current) => AllowedFrom(step).Contains(current);

    public static IReadOnlyList<NomineeStatus> AllowedFrom(PipelineStep step) =>
        AllowedFromTable.TryGetValue(step, out var from) ? from : [];

    public static string Describe(PipelineStep step) => step switch
    {
        PipelineStep.Withdraw => "withdraw the nomination of",
        PipelineStep.StartBackground => "start the background investigation of",
        PipelineStep.RecordBackground => "record a background result for",
        PipelineStep.Enroll => "enrol in training",
        PipelineStep.RecordExam => "record an exam result for",
        PipelineStep.Certify => "certify",
        PipelineStep.IssueAuthorization => "issue an authorization to",
        PipelineStep.Suspend => "suspend the authorization of",
        PipelineStep.Reinstate => "reinstate the authorization of",
        PipelineStep.Revoke => "revoke the authorization of",
        PipelineStep.RecordRefresher => "record refresher training for",
        _ => step.ToString().ToLowerInvariant(),
    };
}
