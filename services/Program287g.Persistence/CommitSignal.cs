using Microsoft.Extensions.Logging;
using Npgsql;

namespace Program287g.Persistence;

/// <summary>Wakes loops that poll the database for work (the outbox dispatcher, the notification sender) the moment a
/// transaction that wrote such work commits: it LISTENs on <paramref name="channel"/>, which the writing transaction
/// NOTIFYs (PostgreSQL delivers that only on commit). A loop takes the current signal before it looks for work, so a
/// pulse that arrives while it works is not lost: its next wait returns at once. Polling covers the gaps, e.g. while
/// the listening connection is re-established. <see cref="Generation"/> counts the pulses, for readers that keep what
/// they read until something commits (<see cref="ChangeTrackedCache{TKey,TValue}"/>).</summary>
public sealed class CommitSignal(NpgsqlDataSource database, string channel, ILogger logger)
{
    private TaskCompletionSource _current = NewSource();
    private long _generation;
    private volatile bool _listening;

    public Task NextAsync() => Volatile.Read(ref _current).Task;

    /// <summary>Grows by one at every pulse: a notification, a (re)established LISTEN, or this process's own call.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>True while the LISTEN connection is up: only then does a commit elsewhere reach <see cref="Generation"/>.</summary>
    public bool IsListening => _listening;

    public void Pulse()
    {
        Interlocked.Increment(ref _generation);
        Interlocked.Exchange(ref _current, NewSource()).TrySetResult();
    }

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
                _listening = true;
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
            finally
            {
                _listening = false;
            }
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
