using Program287g.Testing;

namespace Program287g.Benchmarks;

/// <summary>Publish -> consume through the transactional outbox against plain MassTransit publishing, on the same
/// machine, broker and database in one run, plus commit -> consume latency at a steady rate. Servers are started like
/// the tests'.</summary>
public static class MessagingBenchmark
{
    public static async Task RunAsync(int messages)
    {
        await using var servers = new TestInfrastructure();
        await servers.InitializeAsync();
        await using var bench = await BenchHost.StartAsync(servers);

        Console.WriteLine($"Program287g messaging benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, servers: {servers.Mode}");
        await bench.WarmUpAsync();
        var plain = await bench.ThroughputAsync("plain MassTransit publish", messages, concurrency: 8, bench.PublishPlainAsync);
        var outbox = await bench.ThroughputAsync("outbox (tx + row, dispatcher)", messages, concurrency: 8, bench.CommitThroughOutboxAsync);
        Console.WriteLine($"| {"path",-32} | {"messages",8} | {"msg/s",8} |");
        Console.WriteLine($"|{new string('-', 34)}|{new string('-', 10)}|{new string('-', 10)}|");
        foreach (var result in new[] { plain, outbox })
        {
            Console.WriteLine($"| {result.Name,-32} | {result.Messages,8} | {result.PerSecond,8:0} |");
        }
        Console.WriteLine($"outbox / plain throughput: {outbox.PerSecond / plain.PerSecond:P0}");

        const int rate = 200;
        var latencyPlain = await bench.LatencyAsync(rate, TimeSpan.FromSeconds(10), bench.PublishPlainAsync, stampAfterSend: false);
        var latencyOutbox = await bench.LatencyAsync(rate, TimeSpan.FromSeconds(10), bench.CommitThroughOutboxAsync, stampAfterSend: true);
        Console.WriteLine($"latency at {rate} msg/s, publish (or commit) -> consumer: plain p50 {latencyPlain.P50:0.0} ms p99 {latencyPlain.P99:0.0} ms; "
            + $"outbox p50 {latencyOutbox.P50:0.0} ms p99 {latencyOutbox.P99:0.0} ms");
        var dwell = await bench.OutboxDwellAsync(rate * 10);
        Console.WriteLine($"outbox dwell, insert -> broker confirm (from the rows): p50 {dwell.P50:0.0} ms p99 {dwell.P99:0.0} ms");
    }
}
