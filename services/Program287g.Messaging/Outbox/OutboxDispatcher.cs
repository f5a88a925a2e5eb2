using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Program287g.Persistence;
using Program287g.ServiceDefaults;

namespace Program287g.Messaging.Outbox;

/// <summary>Publishes what committed transactions left in the outbox. It wakes on the NOTIFY each commit sends (a
/// message leaves within milliseconds), polls as a safety net, claims rows with FOR UPDATE SKIP LOCKED, publishes
/// them with publisher confirms under the message id they were recorded with, and marks them sent in the same
/// transaction. A failed publish is retried with exponential backoff, without limit: no row is ever stuck. A crash
/// between publish and mark republishes the row later, which the consumers' inbox absorbs.</summary>
public sealed class OutboxDispatcher(NpgsqlDataSource database, IBus bus, OutboxMetrics metrics,
    IOptions<OutboxOptions> options, MigrationState migrations, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly ActivitySource Tracer = new(TelemetrySources.Program287g);
    private readonly CommitSignal _wake = new(database, OutboxWriter.NotifyChannel, logger);
    private readonly OutboxOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The outbox table comes with the migrations: polling before them only logs "relation does not exist".
        await migrations.WhenCompleted.WaitAsync(stoppingToken);
        if (!_options.DispatchEnabled)
        {
            await SampleMetricsLoopAsync(stoppingToken);
            return;
        }
        var listening = _wake.ListenAsync(_options.PollInterval, stoppingToken);
        var sampling = SampleMetricsLoopAsync(stoppingToken);
        var pruning = PruneLoopAsync(stoppingToken);
        // With several loops, a commit arriving while one loop waits for the broker's confirms is claimed by another
        // at once (SKIP LOCKED keeps them off each other's rows).
        var dispatching = Enumerable.Range(0, Math.Max(1, _options.Concurrency)).Select(_ => DispatchLoopAsync(stoppingToken));
        await Task.WhenAll([listening, sampling, pruning, .. dispatching]);
    }

    private async Task DispatchLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var woken = _wake.NextAsync();
            try
            {
                while (await DispatchBatchAsync(stoppingToken) == _options.BatchSize)
                {
                    // A full batch: more may be waiting, go again without sleeping.
                }
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Outbox database unavailable: {Message}", exception.Message);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            await woken.WaitAsync(_options.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task PruneLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(_options.PruneInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            try
            {
                var pruned = await OutboxStore.PruneAsync(database, _options.Retention, stoppingToken);
                logger.LogDebug("Pruned {Count} outbox and inbox rows past retention", pruned);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or OperationCanceledException)
            {
                logger.LogDebug("Outbox pruning skipped: {Message}", exception.Message);
            }
        }
    }

    /// <summary>Publishes one claimed batch; returns how many rows it claimed.</summary>
    private async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await OutboxStore.ClaimAsync(transaction, _options.BatchSize, cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }
        var outcomes = await Task.WhenAll(rows.Select(row => PublishAsync(row, cancellationToken)));
        var sent = rows.Where((_, i) => outcomes[i] is null).Select(row => row.Id).ToArray();
        if (sent.Length > 0)
        {
            await OutboxStore.MarkSentAsync(transaction, sent, cancellationToken);
        }
        for (var i = 0; i < rows.Count; i++)
        {
            if (outcomes[i] is { } error)
            {
                await OutboxStore.MarkFailedAsync(transaction, rows[i].Id, _options.RetryDelay(rows[i].Attempts + 1), error, cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        metrics.Published(sent.Length);
        if (sent.Length < rows.Count)
        {
            metrics.Failed(rows.Count - sent.Length);
            logger.LogWarning("{Failed} of {Claimed} outbox messages failed to publish; they will be retried", rows.Count - sent.Length, rows.Count);
            return 0; // back off to the next wake-up rather than spin on a broker that is down
        }
        return rows.Count;
    }

    /// <summary>Publishes one row under its recorded trace context; returns null when the broker confirmed it,
    /// else why not.</summary>
    private async Task<string?> PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(row.TraceParent, row.TraceState, out var parent);
        using var activity = Tracer.StartActivity("outbox publish", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", row.MessageId);
        activity?.SetTag("messaging.message.type", row.MessageType);
        try
        {
            var type = Type.GetType(row.MessageType, throwOnError: true)!;
            var message = JsonSerializer.Deserialize(row.Body, type)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.PublishTimeout);
            await bus.Publish(message, type, context => context.MessageId = row.MessageId, timeout.Token);
            return null;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            return $"{exception.GetType().Name}: {exception.Message}";
        }
    }

    private async Task SampleMetricsLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                metrics.Sampled(await OutboxStore.DepthAsync(database, cancellationToken));
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogDebug("Outbox depth not sampled: {Message}", exception.Message);
            }
            await Task.Delay(_options.MetricsInterval, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
