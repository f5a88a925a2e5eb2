using Program287g.Notification.Domain;

namespace Program287g.Notification.Sending;

/// <summary>The moment between the SMTP server's acceptance of a message (250 after the data) and the record that it
/// was sent: the one place where stopping loses the outcome. Nothing happens here in the service; the fault tests stop
/// the host at this point to show what recovery does.</summary>
public class SendCheckpoint
{
    public virtual Task AcceptedAsync(NotificationRecord notification, CancellationToken cancellationToken) => Task.CompletedTask;
}
