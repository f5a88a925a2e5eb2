using Program287g.Notification.Domain;

namespace Program287g.Notification.Sending;

public enum DeliveryVerdict
{
    /// <summary>The mail server has the message: the attempt in doubt delivered it.</summary>
    Delivered,
    /// <summary>The mail server does not have it: sending it again makes one copy.</summary>
    NotDelivered,
    /// <summary>No answer (no check configured, or the check failed).</summary>
    Unknown,
}

public sealed record DeliveryAnswer(DeliveryVerdict Verdict, string Explanation);

/// <summary>Settles an attempt whose outcome is unknown by asking the mail server whether a message with the
/// notification's Message-ID arrived. Generic SMTP has no such question; a server with an API (smtp4dev) does.</summary>
public interface IDeliveryCheck
{
    bool IsConfigured { get; }

    Task<DeliveryAnswer> CheckAsync(NotificationRecord notification, CancellationToken cancellationToken);
}

/// <summary>No way to ask: every attempt in doubt is sent again under the same Message-ID.</summary>
public sealed class NoDeliveryCheck : IDeliveryCheck
{
    public bool IsConfigured => false;

    public Task<DeliveryAnswer> CheckAsync(NotificationRecord notification, CancellationToken cancellationToken) =>
        Task.FromResult(new DeliveryAnswer(DeliveryVerdict.Unknown, "no delivery check is configured"));
}
