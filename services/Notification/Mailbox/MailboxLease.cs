using Npgsql;

namespace Program287g.Notification.Mailbox;

/// <summary>Which instance of the service reads the program mailbox: the one holding a PostgreSQL session advisory lock,
/// on a connection of its own, for as long as it reads. One reader, not several, because each would fetch every message
/// and ask the Agency service about it before the unique key let one record stand. The lock goes with its connection:
/// an instance that dies (or whose database connection breaks) lets another take it within
/// <see cref="MailboxOptions.LeaseRetryInterval"/>; an instance that only loses the connection stops reading (the
/// connection is checked every <see cref="MailboxOptions.LeaseCheckInterval"/>), so two never read for longer than that.</summary>
public sealed class MailboxLease(NpgsqlDataSource database, Microsoft.Extensions.Options.IOptions<MailboxOptions> options)
{
    // pg_try_advisory_lock's key for "the program mailbox": any constant no other lock of the database uses.
    private const long LockKey = 287_0000_0001;

    /// <summary>Waits until this instance holds the lease. A database that cannot be reached throws.</summary>
    public async Task<HeldLease> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var connection = await database.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
                take.Parameters.AddWithValue("key", LockKey);
                if ((bool)(await take.ExecuteScalarAsync(cancellationToken))!)
                {
                    return new HeldLease(connection, options.Value.LeaseCheckInterval);
                }
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
            await connection.DisposeAsync();
            // In real time whatever the service's clock: it only decides how soon a reader takes over.
            await Task.Delay(options.Value.LeaseRetryInterval, cancellationToken);
        }
    }

    /// <summary>The lease while held: <see cref="Lost"/> fires when its connection stops answering. Disposing unlocks it
    /// before the connection goes back to the pool (a pooled connection would otherwise keep the lock).</summary>
    public sealed class HeldLease : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly CancellationTokenSource _lost = new();
        private readonly CancellationTokenSource _released = new();
        private readonly Task _watch;

        internal HeldLease(NpgsqlConnection connection, TimeSpan checkInterval)
        {
            _connection = connection;
            _watch = WatchAsync(checkInterval);
        }

        public CancellationToken Lost => _lost.Token;

        private async Task WatchAsync(TimeSpan checkInterval)
        {
            try
            {
                while (true)
                {
                    await Task.Delay(checkInterval, _released.Token);
                    await using var check = new NpgsqlCommand("SELECT 1", _connection);
                    await check.ExecuteScalarAsync(_released.Token);
                }
            }
            catch (OperationCanceledException) when (_released.IsCancellationRequested)
            {
                // Released: nothing to watch.
            }
            catch (Exception)
            {
                // The connection is gone, and the lock with it: whatever reads under this lease must stop.
                await _lost.CancelAsync();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _released.CancelAsync();
            await _watch;
            if (!_lost.IsCancellationRequested)
            {
                try
                {
                    await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
                    unlock.Parameters.AddWithValue("key", LockKey);
                    await unlock.ExecuteScalarAsync();
                }
                catch (NpgsqlException)
                {
                    // The connection broke meanwhile: the server ended its session, and the lock with it.
                }
            }
            await _connection.DisposeAsync();
            _lost.Dispose();
            _released.Dispose();
        }
    }
}
