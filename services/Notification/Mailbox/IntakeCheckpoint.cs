using Program287g.Notification.Data;

namespace Program287g.Notification.Mailbox;

/// <summary>The moment between a message's record (committed) and its move out of the inbox on the server: stopping
/// here leaves a recorded message in the inbox, which the next read must recognise and only move. Nothing happens here
/// in the service; the fault tests stop the intake at this point.</summary>
public class IntakeCheckpoint
{
    public virtual Task RecordedAsync(ServerCopy copy, CancellationToken cancellationToken) => Task.CompletedTask;
}
