using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using HdrHistogram;
using OpenTelemetry;
using Program287g.Agency.V1;
using Program287g.Agreement.V1;
using Program287g.Benchmarks.Writes;
using Program287g.Testing;

namespace Program287g.Benchmarks.Acknowledgments;

/// <summary>The acknowledgment's whole path at a steady rate: SubmitApplication on the real Agreement service, its
/// outbox, RabbitMQ, the Notification service's consumer and sender, to the moment the SMTP server accepted the email
/// (aiosmtpd writing a maildir, or smtp4dev). Calls
/// start on a fixed schedule (open loop: a slow answer does not slow the schedule); each is matched to its email by the
/// reference number its subject quotes. Returns 1 when a call failed or an email is missing or doubled.</summary>
public static class AcknowledgmentBenchmark
{
    private const long MaxMicroseconds = 120_000_000;

    public static async Task<int> RunAsync(int rate, TimeSpan warmUp, TimeSpan duration, SmtpServerKind server)
    {
        await using var servers = await BenchmarkServers.StartAsync();
        await using IAcknowledgmentMailbox smtp = server == SmtpServerKind.Smtp4dev
            ? new Smtp4devMailbox(await servers.StartSmtpServerAsync())
            : new MaildirMailbox(await TestMaildirSmtpServer.StartAsync());
        await using var services = await AcknowledgmentServices.StartAsync(servers, smtp);
        using var agencyChannel = WritesBenchmark.Channel(services.AgencyAddress);
        using var agreementChannel = WritesBenchmark.Channel(services.AgreementAddress);
        var agencies = new AgencyService.AgencyServiceClient(agencyChannel);
        var agreements = new AgreementService.AgreementServiceClient(agreementChannel);
        var bearer = new Metadata { { "Authorization", $"Bearer {services.StaffToken}" } };
        var run = Guid.NewGuid().ToString("N")[..8];
        var total = (int)(rate * (warmUp + duration).TotalSeconds);
        var shape = string.Create(CultureInfo.InvariantCulture,
            $"SubmitApplication at {rate}/s for {duration.TotalSeconds:0} s measured after {warmUp.TotalSeconds:0} s of warm-up (open loop)");
        var report = new Report("acknowledgment benchmark",
            $"{shape}; latency from the call's start to the acceptance of its acknowledgment by {smtp.Name}", servers.Mode.ToString());
        report.Start();

        // One application per agency and model may be open: each call gets an agency of its own, with a point of contact.
        var pool = await RegisterAsync(agencies, bearer, run, total);
        var calls = await DriveAsync(agreements, bearer, pool, rate);
        var measuredFrom = calls.Min(c => c.StartedAt) + warmUp;
        var measured = calls.Where(c => c.StartedAt >= measuredFrom).ToList();
        var expected = measured.Where(c => c.Reference is not null).Select(c => c.Reference!).ToHashSet();
        var accepted = await Eventually.ReturnsAsync(smtp.AcceptedAsync,
            mail => expected.All(mail.ContainsKey), TimeSpan.FromMinutes(3));

        var callLatency = new LongHistogram(MaxMicroseconds, 3);
        var toEmail = new LongHistogram(MaxMicroseconds, 3);
        var errors = measured.Where(c => c.Error is not null).GroupBy(c => c.Error!).ToDictionary(g => g.Key, g => (long)g.Count());
        foreach (var call in measured)
        {
            callLatency.RecordValue(Micros(call.Answered - call.StartedAt));
            if (call.Reference is { } reference && accepted.TryGetValue(reference, out var times))
            {
                toEmail.RecordValue(Micros(times.Min() - call.StartedAt));
            }
        }
        var seconds = duration.TotalSeconds;
        var (toRecord, toSent) = await Stages.MeasureAsync(services.NotificationDatabase, expected);
        var none = new Dictionary<string, long>();
        var rows = new[]
        {
            new Measurement("SubmitApplication, the call", callLatency, errors, seconds, RanOut: false),
            new Measurement($"call start -> acknowledgment accepted by SMTP ({smtp.Name})", toEmail, none, seconds, RanOut: false),
            new Measurement("of which submitted -> recorded (outbox, RabbitMQ, consumer)", toRecord, none, seconds, RanOut: false),
            new Measurement("of which recorded -> accepted by SMTP (sender)", toSent, none, seconds, RanOut: false),
        };
        Report.Table(rows);
        var missing = expected.Count(reference => !accepted.ContainsKey(reference));
        var doubled = expected.Count(reference => accepted.TryGetValue(reference, out var times) && times.Count > 1);
        Console.WriteLine($"measured calls {measured.Count}, answered OK {expected.Count}, emails matched {toEmail.TotalCount}, "
            + $"missing {missing}, more than one email {doubled}");
        var exit = report.Finish(rows);
        if (missing > 0 || doubled > 0)
        {
            Console.WriteLine("!!! EMAILS MISSING OR DOUBLED: the run does not hold the exactly-once promise.");
            return 1;
        }
        return exit;
    }

    private sealed record Call(DateTimeOffset StartedAt, DateTimeOffset Answered, string? Reference, string? Error);

    /// <summary>Starts call n at n / rate seconds, whatever the earlier calls are doing; waits for all to answer.</summary>
    private static async Task<List<Call>> DriveAsync(AgreementService.AgreementServiceClient agreements, Metadata bearer,
        IReadOnlyList<string> pool, int rate)
    {
        var calls = new ConcurrentBag<Call>();
        var inFlight = new List<Task>(pool.Count);
        var clock = Stopwatch.StartNew();
        for (var index = 0; index < pool.Count; index++)
        {
            var due = TimeSpan.FromSeconds((double)index / rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }
            var request = WriteRequests.Application(pool[index], index);
            inFlight.Add(Task.Run(async () =>
            {
                // The load generator stands for an outside client: the in-process services' tracers must not trace it.
                using var untraced = SuppressInstrumentationScope.Begin();
                var started = DateTimeOffset.UtcNow;
                try
                {
                    var response = await agreements.SubmitApplicationAsync(request, bearer);
                    calls.Add(new Call(started, DateTimeOffset.UtcNow, response.Agreement.ReferenceNumber, null));
                }
                catch (RpcException exception)
                {
                    calls.Add(new Call(started, DateTimeOffset.UtcNow, null, exception.StatusCode.ToString()));
                }
            }));
        }
        await Task.WhenAll(inFlight);
        return [.. calls];
    }

    /// <summary>Registers the agencies the run needs, each with a point of contact, before it starts.</summary>
    private static async Task<IReadOnlyList<string>> RegisterAsync(AgencyService.AgencyServiceClient agencies, Metadata bearer,
        string run, int count)
    {
        var ids = new string[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            for (var index = Interlocked.Increment(ref next); index < count; index = Interlocked.Increment(ref next))
            {
                ids[index] = (await agencies.RegisterAgencyAsync(WriteRequests.Registration(run, index), bearer)).Agency.AgencyId;
            }
        }));
        return ids;
    }

    private static long Micros(TimeSpan elapsed) => Math.Clamp((long)elapsed.TotalMicroseconds, 1, MaxMicroseconds);
}

/// <summary>Which SMTP server an acknowledgment run sends to.</summary>
public enum SmtpServerKind
{
    Maildir,
    Smtp4dev,
}
