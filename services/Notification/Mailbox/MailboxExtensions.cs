using Microsoft.Extensions.DependencyInjection.Extensions;
using Program287g.Notification.Data;

namespace Program287g.Notification.Mailbox;

public static class MailboxExtensions
{
    /// <summary>The mailbox's records and RPCs always; the reader when the configuration names a mailbox (the AppHost's
    /// "mailbox" connection string), so a service without one still answers for what was recorded.</summary>
    public static WebApplicationBuilder AddMailboxIntake(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailboxOptions>().Bind(builder.Configuration.GetSection(MailboxOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MailboxStore>();
        builder.Services.AddSingleton<MailboxMetrics>();
        builder.Services.AddSingleton<MailDeciding>();
        builder.Services.AddSingleton<MailInquiries>();
        builder.Services.AddSingleton<MailIntake>();
        builder.Services.TryAddSingleton<IntakeCheckpoint>();
        if (builder.Configuration.GetConnectionString(ResourceNames.Mailbox) is { Length: > 0 } connectionString)
        {
            builder.Services.AddSingleton(MailboxEndpoint.Parse(connectionString));
            builder.Services.AddSingleton<MailboxLease>();
            builder.Services.AddHostedService<MailboxReader>();
        }
        return builder;
    }
}
