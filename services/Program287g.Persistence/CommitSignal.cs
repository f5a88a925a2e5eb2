using Microsoft.Extensions.Logging;
using Npgsql;

namespace Program287g.Persistence;

/// <summary>Wakes loops that poll the database for work (the outbox dispatcher, the notification sender) the moment a
/// transaction that wrote such work commits: it LISTENs on <paramref name="channel"/>, which the writing transaction
/// NOTIFYs (PostgreSQL delivers that only on commit). A loop takes the current signal before it looks for work, so a
/// pulse that arrives while it works is not lost: its next wait returns at once. Polling covers the gaps, e.g. while
/// the listening connection is re-established.</summary>
public sealed class CommitSignal(NpgsqlDataSource database, string channel, ILogger logger)
{
    private TaskCompletionSource _current = NewSource();

    public Task NextAsync() => Volatile.Read(ref _current).Task;

    public void Pulse() => Interlocked.Exchange(ref _current, NewSource()).TrySetResult();

    /// <summary>Listens on a connection of its own until stopped, reconnecting <paramref name="retryDelay"/> after a loss.</summary>
    public async Task ListenAsync(TimeSpan retryDelay, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenConnectionAsync(cancellationToken);
                connection.Notification += (_, _) => Pulse();
                await using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection))
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
                logger.LogWarning("LISTEN {Channel} connection lost ({Message}); polling until it is back", channel, exception.Message);
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
