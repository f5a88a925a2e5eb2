using Program287g.Messaging;
using Program287g.Persistence;

namespace Program287g.Agreement;

public static class Extensions
{
    public static WebApplicationBuilder AddAgreementServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase(ResourceNames.AgreementDatabase, typeof(Extensions).Assembly);
        builder.AddServiceMessaging();
        return builder;
    }
}
