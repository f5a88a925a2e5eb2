using Program287g.Agency.V1;
using Program287g.Audit;
using Program287g.Messaging;
using Program287g.Notification.Data;
using Program287g.Notification.Domain;
using Program287g.Notification.Grpc;
using Program287g.Notification.Mailbox;
using Program287g.Notification.Messaging;
using Program287g.Notification.Sending;
using Program287g.Persistence;
using Program287g.ServiceDefaults.Grpc;
using Program287g.ServiceDefaults.Validation;

namespace Program287g.Notification;

public static class Extensions
{
    public static WebApplicationBuilder AddNotificationServices(this WebApplicationBuilder builder)
    {
        DapperDates.Register();
        builder.AddServiceDatabase(ResourceNames.NotificationDatabase, typeof(Extensions).Assembly);
        builder.AddServiceMessaging(bus =>
        {
            bus.AddConsumer<ApplicationSubmittedConsumer>();
            bus.AddConsumer<AgreementSignedConsumer>();
            bus.AddConsumer<OfficerNominatedConsumer>();
            bus.AddConsumer<AuthorizationIssuedConsumer>();
            bus.AddConsumer<MailedApplicationNotTakenConsumer>();
        });
        builder.AddAuditTrail();
        // An inquiry about an agency names one the registry has; the mailbox finds the agency a sender belongs to.
        builder.Services.AddServiceGrpcClient<AgencyService.AgencyServiceClient>(ResourceNames.AgencyService,
            "program287g.agency.v1.AgencyService/GetAgency", "program287g.agency.v1.AgencyService/FindAgenciesByEmail");
        builder.Services.AddRequestValidators<NotificationServiceMarker>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<CalendarOptions>().Bind(builder.Configuration.GetSection(CalendarOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<CalendarStore>();
        builder.Services.AddSingleton<NotificationStore>();
        builder.Services.AddSingleton<NotificationRecorder>();
        builder.Services.AddSingleton<InquiryStore>();
        builder.Services.AddSingleton<InquiryOpening>();
        builder.Services.AddSingleton<SlaQueries>();
        builder.Services.AddSingleton<AgencyDirectory>();
        builder.AddNotificationSending();
        builder.AddMailboxIntake();
        return builder;
    }
}
