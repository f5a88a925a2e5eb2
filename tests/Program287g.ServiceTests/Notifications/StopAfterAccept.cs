extern alias NotificationService;

using NotificationRecord = NotificationService::Program287g.Notification.Domain.NotificationRecord;
using SendCheckpoint = NotificationService::Program287g.Notification.Sending.SendCheckpoint;

namespace Program287g.ServiceTests.Notifications;

/// <summary>Holds the sender at the moment the SMTP server has accepted a message and the service has not yet recorded
/// it, until the host stops: what a crash at that moment leaves behind.</summary>
public sealed class StopAfterAccept : SendCheckpoint
{
    private readonly TaskCompletionSource<Guid> _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the notification's id once the server has accepted it.</summary>
    public Task<Guid> Reached => _reached.Task;

    public override async Task AcceptedAsync(NotificationRecord notification, CancellationToken cancellationToken)
    {
        _reached.TrySetResult(notification.Id);
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
