using Program287g.Agency.Data;
using Program287g.Agency.Domain;
using Program287g.Audit;
using Program287g.Messaging;
using Program287g.Persistence;
using Program287g.ServiceDefaults.Validation;

namespace Program287g.Agency;

public static class Extensions
{
    public static WebApplicationBuilder AddAgencyServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase(ResourceNames.AgencyDatabase, typeof(Extensions).Assembly);
        builder.AddServiceMessaging();
        builder.AddAuditTrail();
        builder.Services.AddRequestValidators<AgencyServiceMarker>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<AgencyRepository>();
        builder.Services.AddChangeTrackedCache<Guid, AgencyRecord>(AgencyRepository.ChangeChannel);
        return builder;
    }
}
