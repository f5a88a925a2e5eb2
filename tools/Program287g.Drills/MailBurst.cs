using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using Grpc.Core;
using MimeKit;
using Program287g.Agency.V1;
using Program287g.Testing;

namespace Program287g.Drills;

/// <summary>One email of the mail burst: what it was, its Message-ID, the agency it applies for (an application), how
/// many deliveries it took and how long from the first try to the server's OK.</summary>
public sealed record MailDelivery(string Kind, string MessageId, string? AgencyName, int Attempts, TimeSpan Latency);

/// <summary>The mail burst: emails delivered into the program mailbox by IMAP APPEND, as the mail server in front of it
/// delivers them. One in three is an application (both signed PDFs attached) from the point of contact of an agency
/// registered for it beforehand; the rest are questions. A delivery is tried again until the server answers OK, as a
/// mail server does: one cut off by the fault may have landed already, so the mailbox can hold a message twice under
/// one Message-ID, and the intake must still make one record of it.</summary>
public sealed class MailBurst(DrillContext context, string run, DrillSettings settings) : IBurst
{
    public const string Application = "application";
    public const string Question = "question";

    // The mail server's patience: a delivery that cannot be made in this long is a failed drill, not a retry loop.
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentQueue<MailDelivery> _deliveries = new();
    private readonly MailBooks _books = new(context.Servers, run);
    private (int Delivered, int Recorded) _atFault;

    public async Task RunAsync(Func<Task> halfway)
    {
        var emails = await EmailsAsync();
        Task? fault = null;
        var next = -1;
        var delivered = 0;
        // Fewer deliveries in flight than calls: each is a whole IMAP session (connect, LOGIN, APPEND, LOGOUT).
        await Task.WhenAll(Enumerable.Range(0, Math.Min(settings.Concurrency, 4)).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < emails.Count; i = Interlocked.Increment(ref next))
            {
                _deliveries.Enqueue(await DeliverAsync(emails[i]));
                if (Interlocked.Increment(ref delivered) == emails.Count / 2)
                {
                    fault = Task.Run(async () =>
                    {
                        // Where the intake stood when the server died: recorded behind delivered means mid-intake.
                        _atFault = (emails.Count / 2, await _books.RecordedCountAsync());
                        await halfway();
                    });
                }
            }
        }));
        if (fault is not null)
        {
            await fault;
        }
    }

    public async Task<IBalance> BalanceAsync() => await _books.BalanceAsync(_deliveries, _atFault);

    /// <summary>The burst's emails, with an agency registered (through the gRPC API, before any fault) for each application.</summary>
    private async Task<IReadOnlyList<(string Kind, string? AgencyName, MimeMessage Message)>> EmailsAsync()
    {
        var agencies = new AgencyService.AgencyServiceClient(context.Services.Channel(ResourceNames.AgencyService));
        var metadata = new Metadata { { "Authorization", $"Bearer {context.StaffToken}" } };
        var emails = new List<(string, string?, MimeMessage)>();
        for (var n = 1; n <= settings.Emails; n++)
        {
            if (n % 3 == 0)
            {
                // An address and a domain of its own: the intake finds the agency by its point of contact's address.
                var name = $"Drill {run} County {n} Sheriff's Office";
                var sender = $"sheriff@county{n}.drill{run}.example.gov";
                await agencies.RegisterAgencyAsync(new RegisterAgencyRequest
                {
                    Name = name, State = "TX", Type = AgencyType.County, Kind = AgencyKind.SheriffsOffice, County = $"Drill {n}",
                    PointOfContact = new PointOfContact { Name = "Pat Example", Email = sender },
                }, metadata);
                emails.Add((Application, name, TestMail.Application(sender, name, subject: $"Drill {run} application {n}")));
            }
            else
            {
                emails.Add((Question, null, TestMail.Message($"asker.{n}@drill{run}.example.org", $"Drill {run} question by mail {n}",
                    "When does the next training class start, and where?")));
            }
        }
        return emails;
    }

    private async Task<MailDelivery> DeliverAsync((string Kind, string? AgencyName, MimeMessage Message) email)
    {
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await context.Servers.Imap.AppendAsync(email.Message, DateTimeOffset.UtcNow);
                return new MailDelivery(email.Kind, email.Message.MessageId!, email.AgencyName, attempt, clock.Elapsed);
            }
            catch (Exception exception) when (IsServerGone(exception) && clock.Elapsed < GiveUpAfter)
            {
                await Task.Delay(RetryDelay);
            }
        }
    }

    /// <summary>What a killed, or not yet restarted, IMAP server looks like to its client.</summary>
    private static bool IsServerGone(Exception exception) => exception is IOException or SocketException or MailKit.ProtocolException
        or MailKit.ServiceNotConnectedException or MailKit.ServiceNotAuthenticatedException or MailKit.Security.AuthenticationException
        or MailKit.Net.Imap.ImapCommandException;
}
