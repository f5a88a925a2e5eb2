namespace Program287g.Notification.Domain;

/// <summary>What the program writes, and to whom: acknowledgments of what it received and notices of what it decided.
/// Stored by key ("application-acknowledgment"), which also names the kind's templates.</summary>
public enum NotificationKind
{
    ApplicationAcknowledgment,
    NominationAcknowledgment,
    InquiryAcknowledgment,
    InquiryAnswer,
    AgreementSignedNotice,
    AuthorizationIssuedNotice,
}

public static class NotificationKinds
{
    public static IReadOnlyList<NotificationKind> All { get; } = Enum.GetValues<NotificationKind>();

    public static string Key(this NotificationKind kind) => kind switch
    {
        NotificationKind.ApplicationAcknowledgment => "application-acknowledgment",
        NotificationKind.NominationAcknowledgment => "nomination-acknowledgment",
        NotificationKind.InquiryAcknowledgment => "inquiry-acknowledgment",
        NotificationKind.InquiryAnswer => "inquiry-answer",
        NotificationKind.AgreementSignedNotice => "agreement-signed-notice",
        NotificationKind.AuthorizationIssuedNotice => "authorization-issued-notice",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static NotificationKind Parse(string key) => All.Single(kind => kind.Key() == key);
}

/// <summary>Where a notification stands. Stored by key.</summary>
public enum NotificationStatus
{
    /// <summary>To be sent: the sender tries until the SMTP server accepts it.</summary>
    Pending,
    Sent,
    /// <summary>Owed, but there is nobody to send it to.</summary>
    Undeliverable,
    /// <summary>Nothing owed: the event reports history (ICE's published lists).</summary>
    NotRequired,
}

public static class NotificationStatuses
{
    public static string Key(this NotificationStatus status) => status switch
    {
        NotificationStatus.Pending => "pending",
        NotificationStatus.Sent => "sent",
        NotificationStatus.Undeliverable => "undeliverable",
        NotificationStatus.NotRequired => "not-required",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static NotificationStatus Parse(string key) =>
        Enum.GetValues<NotificationStatus>().Single(status => status.Key() == key);
}
