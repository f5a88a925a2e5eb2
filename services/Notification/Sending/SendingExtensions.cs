using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;
using Program287g.Notification.Data;
using Program287g.Notification.Templates;
using Program287g.Persistence;

namespace Program287g.Notification.Sending;

public static class SendingExtensions
{
    /// <summary>The sender and what it uses: the SMTP server the AppHost names "smtp", the templates, the metrics, and
    /// the delivery check when Notifications:DeliveryCheck names smtp4dev's API (Smtp4devUrl) or the maildir the mail
    /// server delivers into (Maildir).</summary>
    public static WebApplicationBuilder AddNotificationSending(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SendingOptions>().Bind(builder.Configuration.GetSection(SendingOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DeliveryCheckOptions>().Bind(builder.Configuration.GetSection(DeliveryCheckOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(services =>
            SmtpEndpoint.Parse(services.GetRequiredService<IConfiguration>().GetConnectionString(ResourceNames.Smtp)));
        builder.Services.AddSingleton<Letters>();
        builder.Services.AddSingleton(services => new MailMessages(services.GetRequiredService<Letters>(),
            MailboxAddress.Parse(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SendingOptions>>().Value.From)));
        builder.Services.AddSingleton<SendQueue>();
        builder.Services.AddSingleton(provider => new CommitSignal(provider.GetRequiredService<Npgsql.NpgsqlDataSource>(),
            NotificationStore.WakeChannel, provider.GetRequiredService<ILogger<NotificationSender>>()));
        builder.Services.AddSingleton<NotificationMetrics>();
        builder.Services.AddSingleton<NotificationAttempt>();
        builder.Services.TryAddSingleton<SendCheckpoint>();

        var check = builder.Configuration.GetSection(DeliveryCheckOptions.SectionName).Get<DeliveryCheckOptions>();
        if (check?.Smtp4devUrl is { } api)
        {
            builder.Services.AddHttpClient<IDeliveryCheck, Smtp4devDeliveryCheck>(http =>
            {
                http.BaseAddress = new Uri(api.ToString().TrimEnd('/') + "/");
                http.Timeout = TimeSpan.FromSeconds(10);
            });
        }
        else if (check?.Maildir is { } maildir)
        {
            builder.Services.AddSingleton<IDeliveryCheck>(new MaildirDeliveryCheck(maildir));
        }
        else
        {
            builder.Services.AddSingleton<IDeliveryCheck, NoDeliveryCheck>();
        }
        builder.Services.AddHostedService<NotificationSender>();
        return builder;
    }
}
