using MassTransit;
using Program287g.Contracts;

namespace Program287g.ServiceTests.Notifications;

/// <summary>A bus of the test's own on the test run's RabbitMQ, publishing events as the other services' outboxes do
/// (under the event's own message id). Independent of the service under test, so it can publish while that is down.</summary>
public sealed class EventPublisher(IBusControl bus) : IAsyncDisposable
{
    public static async Task<EventPublisher> StartAsync(string amqpUri)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(amqpUri)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bus.StartAsync(timeout.Token);
        return new EventPublisher(bus);
    }

    public Task PublishAsync<TEvent>(TEvent message) where TEvent : IntegrationEvent =>
        bus.Publish(message, context => context.MessageId = message.MessageId);

    public async ValueTask DisposeAsync() => await bus.StopAsync();
}
