using Program287g.Agency.V1;
using Program287g.Agreement.Data;
using Program287g.Agreement.Grpc;
using Program287g.Agreement.IcePublications;
using Program287g.Agreement.Messaging;
using Program287g.Audit;
using Program287g.Messaging;
using Program287g.Messaging.Inbox;
using Program287g.Persistence;
using Program287g.ServiceDefaults.Grpc;
using Program287g.ServiceDefaults.Validation;

namespace Program287g.Agreement;

public static class Extensions
{
    public static WebApplicationBuilder AddAgreementServices(this WebApplicationBuilder builder)
    {
        DapperTypes.Register();
        builder.AddServiceDatabase(ResourceNames.AgreementDatabase, typeof(Extensions).Assembly);
        builder.AddServiceMessaging(bus =>
        {
            bus.AddConsumer<AgencyRegisteredConsumer>(InboxBatches.Configure);
            bus.AddConsumer<AgencyUpdatedConsumer>();
            bus.AddConsumer<ApplicationReceivedByMailConsumer>();
            bus.AddConsumer<CorrespondenceReceivedConsumer>();
        });
        builder.AddAuditTrail();
        builder.Services.AddServiceGrpcClient<AgencyService.AgencyServiceClient>(ResourceNames.AgencyService,
            "program287g.agency.v1.AgencyService/GetAgency", "program287g.agency.v1.AgencyService/ListAgencies",
            // Resolving is idempotent by design: a repeat registers nothing.
            "program287g.agency.v1.AgencyService/ResolveAgencies");
        builder.Services.AddRequestValidators<AgreementServiceMarker>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddChangeTrackedCache<string, LedgerWindows>(AgreementQueries.LedgerChannel);
        builder.Services.AddSingleton<AgreementStore>();
        builder.Services.AddSingleton<AgreementQueries>();
        builder.Services.AddSingleton<DocumentStore>();
        builder.Services.AddSingleton<AgencyDirectory>();
        builder.Services.AddSingleton<MandateGapFinder>();
        builder.Services.AddSingleton<IceRowImporter>();
        builder.Services.AddSingleton<IceChunkImporter>();
        builder.Services.AddSingleton<IceListImporter>();
        builder.Services.AddSingleton<IceListExporter>();
        return builder;
    }
}
