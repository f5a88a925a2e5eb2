using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Program287g.Messaging;

public static class MessagingExtensions
{
    /// <summary>MassTransit on the RabbitMQ broker the AppHost names "messaging" (user and password come from the
    /// amqp URI), with publisher confirms (MassTransit's default) and kebab-case queue names. The bus registers a
    /// readiness health check, so grpc.health.v1 reports NOT_SERVING while the broker is unreachable.
    /// Aspire's RabbitMQ client is deliberately not added beside it: it opens its connection synchronously, with
    /// retries, on first use, which held a health probe for over ten seconds when the broker was down.</summary>
    public static TBuilder AddServiceMessaging<TBuilder>(this TBuilder builder,
        Action<IBusRegistrationConfigurator>? configureConsumers = null) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            configureConsumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var connectionString = context.GetRequiredService<IConfiguration>().GetConnectionString(ResourceNames.Messaging)
                    ?? throw new InvalidOperationException(
                        $"ConnectionStrings:{ResourceNames.Messaging} is not configured: run through the AppHost or set it.");
                rabbit.Host(new Uri(connectionString));
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
