extern alias NotificationService;

using IntakeCheckpoint = NotificationService::Program287g.Notification.Mailbox.IntakeCheckpoint;
using ServerCopy = NotificationService::Program287g.Notification.Data.ServerCopy;

namespace Program287g.ServiceTests.Mailbox;

/// <summary>Holds the intake at the moment a message's record has committed and the message has not been moved out of
/// the inbox, until the host stops: what a crash at that moment leaves behind.</summary>
public sealed class StopAfterRecord : IntakeCheckpoint
{
    private readonly TaskCompletionSource<long> _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the copy's UID once its record is committed.</summary>
    public Task<long> Reached => _reached.Task;

    public override async Task RecordedAsync(ServerCopy copy, CancellationToken cancellationToken)
    {
        _reached.TrySetResult(copy.Uid);
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
