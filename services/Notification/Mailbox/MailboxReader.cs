using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Options;
using Program287g.Notification.Data;
using Program287g.Persistence;

namespace Program287g.Notification.Mailbox;

/// <summary>Reads the program mailbox: every message in the inbox is recorded (<see cref="MailIntake"/>, one transaction)
/// and only then moved to the Recorded folder, so that a crash at any point leaves it in the inbox to be read again,
/// where its copy's record (or its Message-ID) makes it nothing the second time. New mail is waited for with IDLE where
/// the server has it, the poll interval being the safety net; a server that cannot be reached is tried again, the wait
/// doubling to a limit. Of several instances, the one holding the <see cref="MailboxLease"/> reads. A message's due time is counted from when the server received it, so mail read late is late.</summary>
public sealed class MailboxReader(MailboxEndpoint endpoint, IOptions<MailboxOptions> options, MailIntake intake, MailboxStore mailbox,
    MailboxLease lease, IntakeCheckpoint checkpoint, MailboxMetrics metrics, MigrationState migrations, TimeProvider clock,
    ILogger<MailboxReader> logger)
    : BackgroundService
{
    private readonly MailboxOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.WhenCompleted.WaitAsync(stoppingToken);
        var delay = _options.ReconnectDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReadUnderLeaseAsync(() => delay = _options.ReconnectDelay, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The server down, the connection lost, the database or the Agency service unable to answer: nothing
                // was moved that is not recorded, so reading again from the start is always right.
                metrics.Failed();
                logger.LogWarning(exception, "The mailbox {Host}:{Port} could not be read; trying again in {Delay}",
                    endpoint.Host, endpoint.Port, delay);
                try
                {
                    await Task.Delay(delay, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxReconnectDelay.Ticks));
            }
        }
    }

    /// <summary>Waits for the lease (while another instance reads), then reads until the lease is lost or reading fails.</summary>
    private async Task ReadUnderLeaseAsync(Action connected, CancellationToken stoppingToken)
    {
        await using var held = await lease.TakeAsync(stoppingToken);
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, held.Lost);
        metrics.Reading(true);
        try
        {
            await ReadAsync(connected, reading.Token);
        }
        catch (OperationCanceledException) when (held.Lost.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            // Its connection broke, so the lock is gone and another instance may read now: this one stops and queues again.
            logger.LogWarning("The mailbox lease's database connection was lost; reading stops until the lease is taken again");
        }
        finally
        {
            metrics.Reading(false);
        }
    }

    private async Task ReadAsync(Action connected, CancellationToken cancellationToken)
    {
        using var client = new ImapClient { Timeout = 60_000 };
        await client.ConnectAsync(endpoint.Host, endpoint.Port, endpoint.Security, cancellationToken);
        await client.AuthenticateAsync(endpoint.UserName, endpoint.Password, cancellationToken);
        var inbox = await client.GetFolderAsync(endpoint.Folder, cancellationToken);
        await inbox.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        var recorded = await RecordedFolderAsync(client, cancellationToken);
        connected();
        logger.LogInformation("Reading the mailbox {Folder} on {Host}:{Port} (UIDVALIDITY {UidValidity}, IDLE {Idle})",
            inbox.FullName, endpoint.Host, endpoint.Port, inbox.UidValidity, client.Capabilities.HasFlag(ImapCapabilities.Idle));
        using var arrivals = new Arrivals(inbox);
        while (true)
        {
            arrivals.Reset();
            await DrainAsync(inbox, recorded, cancellationToken);
            if (!arrivals.Seen)
            {
                await arrivals.WaitAsync(client, _options.PollInterval, clock, cancellationToken);
            }
        }
    }

    /// <summary>Records and moves every message in the inbox, oldest first.</summary>
    private async Task DrainAsync(IMailFolder inbox, IMailFolder recorded, CancellationToken cancellationToken)
    {
        var uids = await inbox.SearchAsync(SearchQuery.NotDeleted, cancellationToken);
        if (uids.Count == 0)
        {
            return;
        }
        var summaries = await inbox.FetchAsync(uids,
            MessageSummaryItems.UniqueId | MessageSummaryItems.Size | MessageSummaryItems.InternalDate, cancellationToken);
        foreach (var summary in summaries.OrderBy(s => s.UniqueId.Id))
        {
            var copy = new ServerCopy(inbox.FullName, inbox.UidValidity, summary.UniqueId.Id);
            // Recorded already: the intake stopped after the record and before the move. Only the move is left.
            if (!await mailbox.CopyRecordedAsync(copy, cancellationToken))
            {
                await intake.RecordAsync(await FetchAsync(inbox, summary, copy, cancellationToken), cancellationToken);
                await checkpoint.RecordedAsync(copy, cancellationToken);
            }
            await inbox.MoveToAsync(summary.UniqueId, recorded, cancellationToken);
        }
    }

    private async Task<ServerMessage> FetchAsync(IMailFolder inbox, IMessageSummary summary, ServerCopy copy,
        CancellationToken cancellationToken)
    {
        var size = (long)(summary.Size ?? 0);
        var receivedAt = summary.InternalDate ?? clock.GetUtcNow();
        if (size > _options.MaxMessageBytes)
        {
            var header = await BytesAsync(await inbox.GetStreamAsync(summary.UniqueId, "HEADER", cancellationToken), cancellationToken);
            return new ServerMessage(copy, null, header, size, receivedAt);
        }
        var raw = await BytesAsync(await inbox.GetStreamAsync(summary.UniqueId, cancellationToken), cancellationToken);
        return new ServerMessage(copy, raw, HeaderSection.Of(raw), raw.LongLength, receivedAt);
    }

    private static async Task<byte[]> BytesAsync(Stream stream, CancellationToken cancellationToken)
    {
        await using (stream)
        {
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes, cancellationToken);
            return bytes.ToArray();
        }
    }

    /// <summary>The Recorded folder, made (and subscribed) if the server does not have it.</summary>
    private async Task<IMailFolder> RecordedFolderAsync(ImapClient client, CancellationToken cancellationToken)
    {
        var root = client.GetFolder(client.PersonalNamespaces[0]);
        try
        {
            return await root.GetSubfolderAsync(_options.RecordedFolder, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            var created = await root.CreateAsync(_options.RecordedFolder, true, cancellationToken)
                ?? throw new InvalidOperationException($"The mailbox server did not create the folder {_options.RecordedFolder}.");
            await created.SubscribeAsync(cancellationToken);
            return created;
        }
    }

    /// <summary>Whether the inbox changed since the last look (its count moves on arrivals and on our own moves; a move
    /// costs one more empty look), and the wait for the next change: IDLE, ended by the change or the poll interval.</summary>
    private sealed class Arrivals : IDisposable
    {
        private readonly IMailFolder _inbox;
        private CancellationTokenSource? _idle;

        public Arrivals(IMailFolder inbox)
        {
            _inbox = inbox;
            _inbox.CountChanged += OnCountChanged;
        }

        public bool Seen { get; private set; }

        public void Reset() => Seen = false;

        public async Task WaitAsync(ImapClient client, TimeSpan pollInterval, TimeProvider clock, CancellationToken cancellationToken)
        {
            if (!client.Capabilities.HasFlag(ImapCapabilities.Idle))
            {
                await Task.Delay(pollInterval, clock, cancellationToken);
                await client.NoOpAsync(cancellationToken);
                return;
            }
            using var idle = new CancellationTokenSource(pollInterval, clock);
            _idle = idle;
            try
            {
                await client.IdleAsync(idle.Token, cancellationToken);
            }
            finally
            {
                _idle = null;
            }
        }

        private void OnCountChanged(object? sender, EventArgs e)
        {
            Seen = true;
            _idle?.Cancel();
        }

        public void Dispose() => _inbox.CountChanged -= OnCountChanged;
    }
}

/// <summary>A message's header section: its bytes up to and including the blank line that ends the headers.</summary>
public static class HeaderSection
{
    public static byte[] Of(byte[] raw)
    {
        var span = raw.AsSpan();
        var crlf = span.IndexOf("\r\n\r\n"u8);
        var lf = span.IndexOf("\n\n"u8);
        var end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf + 4 : lf >= 0 ? lf + 2 : raw.Length;
        return span[..end].ToArray();
    }
}
