namespace Program287g.Agreement.Domain;

/// <summary>Where an application or agreement stands. Stored as the lower-case name.</summary>
public enum AgreementStatus
{
    Pending,
    Withdrawn,
    Declined,
    Active,
    Suspended,
    Terminated,
    Superseded,
}

public static class AgreementStatuses
{
    public static string Key(this AgreementStatus status) => status.ToString().ToLowerInvariant();

    public static AgreementStatus Parse(string key) => Enum.Parse<AgreementStatus>(key, ignoreCase: true);

    /// <summary>Statuses that hold the agency's one place per model (the partial unique index says the same).</summary>
    public static bool IsOpen(this AgreementStatus status) =>
        status is AgreementStatus.Pending or AgreementStatus.Active or AgreementStatus.Suspended;
}
