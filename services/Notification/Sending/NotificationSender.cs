using Microsoft.Extensions.Options;
using Npgsql;
using Program287g.Notification.Data;
using Program287g.Persistence;

namespace Program287g.Notification.Sending;

/// <summary>Sends what is due. Woken by the NOTIFY of the transaction that recorded a notification (a normal send
/// leaves within milliseconds), polling as a safety net, it claims rows with FOR UPDATE SKIP LOCKED (several instances
/// may run) and sends each one through SMTP; failures are retried with exponential backoff and no last attempt. Each
/// send is a span of the trace that recorded the notification. <see cref="NotificationAttempt"/> does one row.</summary>
public sealed class NotificationSender(SendQueue queue, NotificationAttempt attempt, CommitSignal wakeUp, NotificationMetrics metrics,
    SmtpEndpoint endpoint, IOptions<SendingOptions> options, MigrationState migrations, TimeProvider clock,
    ILogger<NotificationSender> logger) : BackgroundService
{
    private readonly SendingOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The notifications table comes with the migrations.
        await migrations.WhenCompleted.WaitAsync(stoppingToken);
        var loops = Enumerable.Range(0, _options.Concurrency).Select(_ => SendLoopAsync(stoppingToken));
        await Task.WhenAll([wakeUp.ListenAsync(_options.PollInterval, stoppingToken), SampleLoopAsync(stoppingToken), .. loops]);
    }

    private async Task SendLoopAsync(CancellationToken stoppingToken)
    {
        // Real time for the connection's idleness, like the poll below, whatever the service's clock.
        await using var mailer = new SmtpMailer(endpoint, TimeProvider.System, _options.MessagesPerConnection);
        while (!stoppingToken.IsCancellationRequested)
        {
            var woken = wakeUp.NextAsync();
            try
            {
                int claimed;
                while ((claimed = await SendBatchAsync(mailer, stoppingToken)) == _options.BatchSize)
                {
                    // A full batch: more may be waiting, go again without sleeping.
                }
                if (claimed == 0)
                {
                    await mailer.CloseAsync(); // nothing to send: no SMTP session held open
                }
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Notification database unavailable: {Message}", exception.Message);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // A loop that died would leave its share of the work to the others, or to nobody: log and carry on.
                // The type and a scrubbed message only, never the exception itself, whose text may quote what it read.
                logger.LogError("Notification sender loop failed ({Type}: {Message}); carrying on", exception.GetType().Name,
                    SmtpFailures.Scrub(exception.Message));
            }
            // The poll is in real time whatever the service's clock: it only decides how soon a due row is noticed.
            await woken.WaitAsync(_options.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Claims and sends one batch; returns how many rows it claimed.</summary>
    private async Task<int> SendBatchAsync(SmtpMailer mailer, CancellationToken stoppingToken)
    {
        var claims = await queue.ClaimAsync(_options.BatchSize, clock.GetUtcNow(), _options.LeaseMargin, stoppingToken);
        foreach (var claim in claims)
        {
            await attempt.RunAsync(mailer, claim, stoppingToken);
        }
        return claims.Count;
    }

    private async Task SampleLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                metrics.Sampled(await queue.BacklogAsync(clock.GetUtcNow(), stoppingToken));
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogDebug("Notification backlog not sampled: {Message}", exception.Message);
            }
            await Task.Delay(_options.MetricsInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
