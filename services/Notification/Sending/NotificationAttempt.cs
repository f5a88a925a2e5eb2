using System.Diagnostics;
using Microsoft.Extensions.Options;
using Program287g.Notification.Data;
using Program287g.ServiceDefaults;

namespace Program287g.Notification.Sending;

/// <summary>One claimed notification, sent at most once more than it must be. An attempt is recorded before the SMTP
/// conversation starts and cleared only by a definite outcome, so a row claimed with an attempt still recorded is in
/// doubt: its sender stopped after the server may have accepted the message and before the outcome was recorded. Such a
/// row is settled first: the delivery check, when configured, asks the mail server whether the Message-ID arrived (yes:
/// recorded as sent, not sent again; no: sent); without one, or when it cannot answer <see
/// cref="DeliveryCheckOptions.MaxAttempts"/> times, it is sent again under the same Message-ID, so that receivers can
/// tell the copy for what it is.</summary>
public sealed class NotificationAttempt(SendQueue queue, MailMessages messages, CalendarStore calendars, IDeliveryCheck deliveryCheck,
    SendCheckpoint checkpoint, NotificationMetrics metrics, IOptions<SendingOptions> options,
    IOptions<DeliveryCheckOptions> checkOptions, TimeProvider clock, ILogger<NotificationAttempt> logger)
{
    private static readonly ActivitySource Tracer = new(TelemetrySources.Program287g);
    private readonly SendingOptions _options = options.Value;

    public async Task RunAsync(SmtpMailer mailer, ClaimedNotification claim, CancellationToken stoppingToken)
    {
        var notification = claim.Notification;
        ActivityContext.TryParse(notification.TraceParent, notification.TraceState, out var parent);
        // Ids, kinds and references only: recipients, subjects and bodies stay out of traces and logs.
        using var activity = Tracer.StartActivity("notification send", ActivityKind.Client, parent);
        activity?.SetTag("notification.id", notification.Id);
        activity?.SetTag("notification.kind", notification.Kind);
        activity?.SetTag("notification.reference", notification.ReferenceNumber);
        activity?.SetTag("notification.attempt", notification.Attempts + 1);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(_options.AttemptTimeout);

        string? note = null;
        if (claim.InDoubtSince is { } inDoubtSince)
        {
            var answer = await CheckAsync(claim, timeout.Token, stoppingToken);
            activity?.SetTag("notification.in_doubt", true);
            activity?.SetTag("notification.delivery_check", answer.Verdict.ToString());
            if (answer.Verdict == DeliveryVerdict.Delivered)
            {
                // The attempt in doubt delivered it; it was accepted after that attempt began.
                await RecordSentAsync(claim, new DateTimeOffset(DateTime.SpecifyKind(inDoubtSince, DateTimeKind.Utc)),
                    $"Attempt {notification.Attempts} was in doubt; {answer.Explanation}: recorded as sent, not sent again.", stoppingToken);
                return;
            }
            if (answer.Verdict == DeliveryVerdict.Unknown && deliveryCheck.IsConfigured
                && notification.DeliveryChecks + 1 < checkOptions.Value.MaxAttempts)
            {
                await queue.MarkCheckUnavailableAsync(claim, clock.GetUtcNow() + _options.RetryDelay(notification.DeliveryChecks + 1),
                    answer.Explanation, stoppingToken);
                return;
            }
            note = $"Attempt {notification.Attempts} was in doubt; {answer.Explanation}: sent again under the same Message-ID.";
        }

        MimeKit.MimeMessage message;
        try
        {
            message = messages.Build(notification, calendars.Zone);
        }
        catch (Exception exception) when (exception is FormatException or System.Text.Json.JsonException or MimeKit.ParseException
            or Fluid.ParseException or InvalidOperationException or ArgumentException)
        {
            // Nothing went out: retried with backoff, so a fix (a template, the data) sends it. The text is scrubbed,
            // since a parser's message quotes what it could not read.
            await FailedAsync(claim, certainlyNotSent: true, SmtpFailures.Scrub($"The email could not be built: {exception.GetType().Name}: "
                + exception.Message), note, activity, stoppingToken);
            return;
        }
        var startedAt = clock.GetUtcNow();
        if (!await queue.BeginAttemptAsync(claim, startedAt, startedAt + _options.AttemptTimeout + _options.LeaseMargin, stoppingToken))
        {
            logger.LogWarning("Notification {NotificationId}: lease lost before sending; another sender has it", notification.Id);
            return;
        }
        try
        {
            await mailer.SendAsync(message, timeout.Token);
        }
        catch (MailFailureException failure)
        {
            await FailedAsync(claim, failure.CertainlyNotSent, failure.Message, note, activity, stoppingToken);
            return;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            await FailedAsync(claim, certainlyNotSent: false, $"The attempt took longer than {_options.AttemptTimeout}.", note, activity,
                stoppingToken);
            return;
        }
        // Accepted (250 after the data). Stopping here loses only the record, which recovery settles.
        await checkpoint.AcceptedAsync(notification, stoppingToken);
        await RecordSentAsync(claim, clock.GetUtcNow(), note, stoppingToken);
    }

    private async Task<DeliveryAnswer> CheckAsync(ClaimedNotification claim, CancellationToken attemptToken, CancellationToken stoppingToken)
    {
        try
        {
            return await deliveryCheck.CheckAsync(claim.Notification, attemptToken);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return new DeliveryAnswer(DeliveryVerdict.Unknown, "the delivery check timed out");
        }
    }

    private async Task RecordSentAsync(ClaimedNotification claim, DateTimeOffset sentAt, string? note, CancellationToken stoppingToken)
    {
        var notification = claim.Notification;
        if (!await queue.MarkSentAsync(claim, sentAt, note, stoppingToken))
        {
            logger.LogWarning("Notification {NotificationId}: sent, but its lease had passed to another sender", notification.Id);
            return;
        }
        metrics.Sent(notification.Kind, notification.DueAt is not { } due || sentAt.UtcDateTime <= due);
        logger.LogDebug("Notification {NotificationId} ({Kind}, {Reference}) sent", notification.Id, notification.Kind,
            notification.ReferenceNumber);
    }

    private async Task FailedAsync(ClaimedNotification claim, bool certainlyNotSent, string error, string? note, Activity? activity,
        CancellationToken stoppingToken)
    {
        var notification = claim.Notification;
        var attempts = notification.Attempts + 1;
        activity?.SetStatus(ActivityStatusCode.Error, error);
        metrics.Failed(notification.Kind);
        var now = clock.GetUtcNow();
        if (certainlyNotSent)
        {
            await queue.MarkFailedAsync(claim, now + _options.RetryDelay(attempts), error, note, stoppingToken);
        }
        else
        {
            // The outcome is unknown: the next claim, soon, settles it before anything is sent again.
            await queue.MarkInDoubtAsync(claim, now + _options.FirstRetryDelay, error, stoppingToken);
        }
        logger.LogWarning("Notification {NotificationId} ({Kind}, {Reference}) attempt {Attempt} failed ({Outcome}): {Error}",
            notification.Id, notification.Kind, notification.ReferenceNumber, attempts,
            certainlyNotSent ? "not sent, will retry" : "outcome unknown, will check", error);
    }
}
