using Program287g.Messaging;
using Program287g.Persistence;

namespace Program287g.Notification;

public static class Extensions
{
    public static WebApplicationBuilder AddNotificationServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase(ResourceNames.NotificationDatabase, typeof(Extensions).Assembly);
        builder.AddServiceMessaging();
        return builder;
    }
}
