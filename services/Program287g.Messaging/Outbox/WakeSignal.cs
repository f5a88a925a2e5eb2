namespace Program287g.Messaging.Outbox;

/// <summary>Wakes every waiting dispatch loop at once. A loop takes the current signal before it looks for work, so
/// a pulse that arrives while it works is not lost: its wait then returns at once.</summary>
internal sealed class WakeSignal
{
    private TaskCompletionSource _current = NewSource();

    public Task NextAsync() => Volatile.Read(ref _current).Task;

    public void Pulse() => Interlocked.Exchange(ref _current, NewSource()).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
