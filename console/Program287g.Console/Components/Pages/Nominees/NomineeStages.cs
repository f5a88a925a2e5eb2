using Program287g.Nominee.V1;

namespace Program287g.Console.Components.Pages.Nominees;

/// <summary>A stage of the pipeline as the nominees page groups it: the statuses a nominee passes through on the way to
/// an authorization, and the ones where it stopped.</summary>
public sealed record NomineeStage(string Key, string Name, string Description, IReadOnlyList<NomineeStatus> Statuses);

public static class NomineeStages
{
    public static readonly IReadOnlyList<NomineeStage> All =
    [
        new("nominated", "Nominated", "Eligible, waiting for the background investigation", [NomineeStatus.Eligible]),
        new("background", "Background", "Investigation under way, or passed and waiting for training",
            [NomineeStatus.BackgroundInProgress, NomineeStatus.Cleared]),
        new("training", "Training", "In training, or trained and waiting for certification",
            [NomineeStatus.InTraining, NomineeStatus.Trained]),
        new("certified", "Certified", "Certified by ICE, waiting for the authorization", [NomineeStatus.Certified]),
        new("authorized", "Authorized", "Holding an authorization: in force, suspended or expired",
            [NomineeStatus.Authorized, NomineeStatus.Suspended, NomineeStatus.Expired]),
        new("stopped", "Stopped", "Ineligible, background failed, dismissed, revoked, ended or withdrawn",
            [NomineeStatus.Ineligible, NomineeStatus.BackgroundFailed, NomineeStatus.Dismissed, NomineeStatus.Revoked,
             NomineeStatus.Ended, NomineeStatus.Withdrawn]),
    ];

    public static NomineeStage Find(string? key) => All.FirstOrDefault(stage => stage.Key == key) ?? All[0];
}
