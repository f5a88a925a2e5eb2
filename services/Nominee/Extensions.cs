using Program287g.Messaging;
using Program287g.Persistence;

namespace Program287g.Nominee;

public static class Extensions
{
    public static WebApplicationBuilder AddNomineeServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase(ResourceNames.NomineeDatabase, typeof(Extensions).Assembly);
        builder.AddServiceMessaging();
        return builder;
    }
}
