using Program287g.AppHost.Infrastructure;

namespace Program287g.AppHost;

public static class SmtpDeliveryCheckExtensions
{
    /// <summary>Where the AppHost runs smtp4dev (native or containers), the Notification service may ask its REST API
    /// whether an email whose sending was interrupted arrived, instead of sending it again (see the README's
    /// exactly-once section). An external SMTP server has no such API unless configured by hand.</summary>
    public static IResourceBuilder<ProjectResource> WithSmtpDeliveryCheck(this IResourceBuilder<ProjectResource> service,
        InfrastructureResources infrastructure) =>
        infrastructure.Smtp.Resource is IResourceWithEndpoints smtp4dev
            ? service.WithEnvironment("Notifications__DeliveryCheck__Smtp4devUrl", smtp4dev.GetEndpoint("http"))
            : service;
}
