using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Program287g.Contracts;

namespace Program287g.Benchmarks.Contracts;

public sealed record BenchMessage : IntegrationEvent
{
    public required Guid Run { get; init; }
}

/// <summary>Records when each message arrived (Stopwatch ticks), per run.</summary>
public sealed class Arrivals
{
    public ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, long>> ByRun { get; } = new();

    public ConcurrentDictionary<Guid, long> For(Guid run) => ByRun.GetOrAdd(run, _ => new());
}

public sealed class BenchConsumer(Arrivals arrivals) : IConsumer<BenchMessage>
{
    public Task Consume(ConsumeContext<BenchMessage> context)
    {
        arrivals.For(context.Message.Run).TryAdd(context.MessageId!.Value, Stopwatch.GetTimestamp());
        return Task.CompletedTask;
    }
}
