namespace Program287g.Nominee.Domain;

/// <summary>Where a nominee (and, once authorized, the officer) stands. Stored as the snake_case name.</summary>
public enum NomineeStatus
{
    Ineligible,
    Eligible,
    BackgroundInProgress,
    BackgroundFailed,
    Cleared,
    InTraining,
    Trained,
    Dismissed,
    Certified,
    Authorized,
    Suspended,
    Revoked,
    Ended,
    Expired,
    Withdrawn,
}

public static class NomineeStatuses
{
    private static readonly Dictionary<string, NomineeStatus> ByKey =
        Enum.GetValues<NomineeStatus>().ToDictionary(Key, status => status, StringComparer.Ordinal);

    /// <summary>Where nothing can follow: the nomination, or the officer's authority, is over.</summary>
    public static readonly IReadOnlyList<NomineeStatus> Final =
    [
        NomineeStatus.Ineligible, NomineeStatus.BackgroundFailed, NomineeStatus.Dismissed, NomineeStatus.Revoked,
        NomineeStatus.Ended, NomineeStatus.Withdrawn,
    ];

    /// <summary>On the way to an authorization: what an agreement's end closes at once.</summary>
    public static readonly IReadOnlyList<NomineeStatus> InPipeline =
    [
        NomineeStatus.Eligible, NomineeStatus.BackgroundInProgress, NomineeStatus.Cleared, NomineeStatus.InTraining,
        NomineeStatus.Trained, NomineeStatus.Certified,
    ];

    /// <summary>Holding an authorization that has not ended: what an agreement's end ends on its effective date.</summary>
    public static readonly IReadOnlyList<NomineeStatus> HoldingAuthorization =
        [NomineeStatus.Authorized, NomineeStatus.Suspended, NomineeStatus.Expired];

    public static string Key(this NomineeStatus status) => status switch
    {
        NomineeStatus.BackgroundInProgress => "background_in_progress",
        NomineeStatus.BackgroundFailed => "background_failed",
        NomineeStatus.InTraining => "in_training",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static NomineeStatus Parse(string key) =>
        ByKey.TryGetValue(key, out var status) ? status : throw new ArgumentOutOfRangeException(nameof(key), key, null);

    public static bool IsFinal(this NomineeStatus status) => Final.Contains(status);

    /// <summary>The words used in messages: "in training", "background failed".</summary>
    public static string Describe(this NomineeStatus status) => status.Key().Replace('_', ' ');

    public static string[] Keys(this IEnumerable<NomineeStatus> statuses) => statuses.Select(Key).ToArray();
}
