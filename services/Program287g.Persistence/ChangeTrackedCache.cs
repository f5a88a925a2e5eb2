using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Program287g.Persistence;

/// <summary>Reads kept in memory until the data they came from changes. A trigger on the tables they read NOTIFYs
/// <see cref="ChangeTrackedCacheOptions.Channel"/> for every statement that changes them; PostgreSQL delivers it on
/// commit to every instance listening, and any notification forgets everything kept (changes to these tables are rare
/// beside the reads). A value is kept only if nothing was notified between the moment its read began and the moment
/// it ended, so a read that raced a commit is never kept. The writing instance calls <see cref="Forget"/> after its own
/// commit, so its next read sees its own write at once; another instance sees it when the notification arrives
/// (milliseconds, as from a replica). While the LISTEN connection is down nothing is kept or served, and no value is
/// served older than <see cref="ChangeTrackedCacheOptions.MaxAge"/> in any case: the bound if a connection dies
/// unnoticed.</summary>
public sealed class ChangeTrackedCache<TKey, TValue>(NpgsqlDataSource database, ChangeTrackedCacheOptions options, TimeProvider clock,
    ILogger<ChangeTrackedCache<TKey, TValue>> logger) : BackgroundService
    where TKey : notnull
    where TValue : class
{
    private readonly CommitSignal _changes = new(database, options.Channel, logger);
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();

    /// <summary>What the read of <paramref name="key"/> gives, from memory when nothing changed since it was read.
    /// Null (nothing found) is never kept.</summary>
    public async Task<TValue?> GetOrReadAsync(TKey key, Func<CancellationToken, Task<TValue?>> read, CancellationToken cancellationToken)
    {
        var begun = Begin();
        if (TryGet(key, begun, out var kept))
        {
            return kept;
        }
        var value = await read(cancellationToken);
        if (value is not null)
        {
            Keep(key, begun, value);
        }
        return value;
    }

    /// <summary>The moment a read begins, for <see cref="TryGet"/> and <see cref="Keep"/>: for callers whose lookup
    /// is not by equal keys (a range of instants, say).</summary>
    public ReadStart Begin() => new(_changes.IsListening ? _changes.Generation : null, clock.GetUtcNow());

    public bool TryGet(TKey key, ReadStart begun, out TValue value)
    {
        if (begun.Generation is { } generation && _entries.TryGetValue(key, out var entry) && entry.Generation == generation
            && begun.At - entry.ReadAt < options.MaxAge)
        {
            value = entry.Value;
            return true;
        }
        value = null!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/>, read from <paramref name="begun"/> on, unless something changed since.</summary>
    public void Keep(TKey key, ReadStart begun, TValue value)
    {
        if (begun.Generation is not { } generation || !_changes.IsListening || _changes.Generation != generation)
        {
            return;
        }
        if (_entries.Count >= options.Capacity)
        {
            _entries.Clear(); // crude, and rare: a bound on memory, not a policy worth tuning
        }
        _entries[key] = new Entry(generation, begun.At, value);
    }

    /// <summary>Forgets everything kept: called by the writer after its own commit.</summary>
    public void Forget() => _changes.Pulse();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _changes.ListenAsync(options.RetryDelay, stoppingToken);

    private sealed record Entry(long Generation, DateTimeOffset ReadAt, TValue Value);
}

/// <summary>When a <see cref="ChangeTrackedCache{TKey,TValue}"/> read began: the generation of changes then (null
/// while not listening: nothing may be kept or served) and the time.</summary>
public readonly record struct ReadStart(long? Generation, DateTimeOffset At);

public sealed record ChangeTrackedCacheOptions(string Channel)
{
    public int Capacity { get; init; } = 10_000;
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);
}

public static class ChangeTrackedCacheExtensions
{
    /// <summary>One <see cref="ChangeTrackedCache{TKey,TValue}"/> for the service, listening on <paramref name="channel"/>
    /// (the channel a migration's trigger notifies).</summary>
    public static IServiceCollection AddChangeTrackedCache<TKey, TValue>(this IServiceCollection services, string channel)
        where TKey : notnull
        where TValue : class
    {
        services.AddSingleton(provider => new ChangeTrackedCache<TKey, TValue>(provider.GetRequiredService<NpgsqlDataSource>(),
            // Real time for the age bound, whatever clock the service keeps: it guards against a dead connection.
            new ChangeTrackedCacheOptions(channel), TimeProvider.System,
            provider.GetRequiredService<ILogger<ChangeTrackedCache<TKey, TValue>>>()));
        services.AddHostedService(provider => provider.GetRequiredService<ChangeTrackedCache<TKey, TValue>>());
        return services;
    }
}
