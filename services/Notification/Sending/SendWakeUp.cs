using Npgsql;
using Program287g.Notification.Data;

namespace Program287g.Notification.Sending;

/// <summary>Wakes the sender loops when a transaction that recorded something to send commits (LISTEN on the channel
/// its NOTIFY uses), as the outbox dispatcher is woken; a loop takes the current signal before it looks for work, so a
/// pulse that arrives while it works is not lost.</summary>
public sealed class SendWakeUp(NpgsqlDataSource database, ILogger<SendWakeUp> logger)
{
    private TaskCompletionSource _current = NewSource();

    public Task NextAsync() => Volatile.Read(ref _current).Task;

    public void Pulse() => Interlocked.Exchange(ref _current, NewSource()).TrySetResult();

    /// <summary>Listens on a connection of its own until stopped, reconnecting after a loss (polling covers the gap).</summary>
    public async Task ListenAsync(TimeSpan retryDelay, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenConnectionAsync(cancellationToken);
                connection.Notification += (_, _) => Pulse();
                await using (var listen = new NpgsqlCommand($"LISTEN {NotificationStore.WakeChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }
                Pulse(); // anything committed while nobody listened
                while (!cancellationToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(cancellationToken);
                }
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or IOException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Notification LISTEN connection lost ({Message}); polling until it is back", exception.Message);
                await Task.Delay(retryDelay, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
