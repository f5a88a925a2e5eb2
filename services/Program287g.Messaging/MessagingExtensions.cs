using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Program287g.Messaging.Outbox;
using Program287g.Persistence;

namespace Program287g.Messaging;

public static class MessagingExtensions
{
    /// <summary>MassTransit on the RabbitMQ broker the AppHost names "messaging" (user and password come from the amqp
    /// URI), with publisher confirms (MassTransit's default), durable quorum queues, persistent messages, bounded
    /// retries into error queues; and the transactional outbox with its dispatcher and the inbox tables, which are
    /// migrated into the service's database. The bus registers a readiness health check, so grpc.health.v1 reports
    /// NOT_SERVING while the broker is unreachable. Aspire's RabbitMQ client is deliberately not added beside it: it
    /// opens its connection synchronously, with retries, on first use, which held a health probe for over ten seconds
    /// when the broker was down.</summary>
    public static TBuilder AddServiceMessaging<TBuilder>(this TBuilder builder,
        Action<IBusRegistrationConfigurator>? configureConsumers = null) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<OutboxOptions>().Bind(builder.Configuration.GetSection(OutboxOptions.SectionName));
        builder.Services.AddOptions<ConsumerOptions>().Bind(builder.Configuration.GetSection(ConsumerOptions.SectionName));
        builder.Services.AddSingleton(new MigrationSource(typeof(MessagingExtensions).Assembly, "messaging"));
        builder.Services.AddSingleton<OutboxMetrics>();
        builder.Services.AddHostedService<OutboxDispatcher>();

        var consumers = builder.Configuration.GetSection(ConsumerOptions.SectionName).Get<ConsumerOptions>() ?? new ConsumerOptions();
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(consumers.EndpointPrefix, includeNamespace: false));
            bus.AddConfigureEndpointsCallback((_, _, endpoint) => ReceiveTopology.Configure(endpoint, consumers));
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
