using System.Collections.Concurrent;
using MassTransit;

namespace Program287g.ServiceTests.Notifications;

/// <summary>Counts, per message id, the deliveries the service's consumers finished (duplicates included): how a test
/// knows a redelivered event has been handled, and not just that its first delivery has.</summary>
public sealed class ConsumedLog : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _finished = new();

    public int Finished(Guid messageId) => _finished.GetValueOrDefault(messageId);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id)
        {
            _finished.AddOrUpdate(id, 1, (_, count) => count + 1);
        }
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
