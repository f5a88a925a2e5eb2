using Microsoft.Extensions.Options;
using Program287g.Agency.V1;
using Program287g.Agreement.V1;
using Program287g.Audit;
using Program287g.Messaging;
using Program287g.Nominee.Data;
using Program287g.Nominee.Domain;
using Program287g.Nominee.Grpc;
using Program287g.Nominee.Messaging;
using Program287g.Nominee.Terms;
using Program287g.Persistence;
using Program287g.ServiceDefaults.Grpc;
using Program287g.ServiceDefaults.Validation;

namespace Program287g.Nominee;

public static class Extensions
{
    public static WebApplicationBuilder AddNomineeServices(this WebApplicationBuilder builder)
    {
        DapperDates.Register();
        builder.AddServiceDatabase(ResourceNames.NomineeDatabase, typeof(Extensions).Assembly);
        builder.AddServiceMessaging(bus =>
        {
            bus.AddConsumer<AgreementSuspendedConsumer>();
            bus.AddConsumer<AgreementReinstatedConsumer>();
            bus.AddConsumer<AgreementTerminatedConsumer>();
            bus.AddConsumer<AgreementSupersededConsumer>();
            bus.AddConsumer<AgencyUpdatedConsumer>();
        });
        builder.AddAuditTrail();
        builder.Services.AddServiceGrpcClient<AgencyService.AgencyServiceClient>(ResourceNames.AgencyService,
            "program287g.agency.v1.AgencyService/GetAgency");
        builder.Services.AddServiceGrpcClient<AgreementService.AgreementServiceClient>(ResourceNames.AgreementService,
            "program287g.agreement.v1.AgreementService/GetAgreement");
        builder.Services.AddRequestValidators<NomineeServiceMarker>();
        builder.Services.AddOptions<TrainingCatalog>().Bind(builder.Configuration.GetSection(TrainingCatalog.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<AuthorizationTerms>().Bind(builder.Configuration.GetSection(AuthorizationTerms.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TrainingCatalog>, NamedProblems<TrainingCatalog>>(_ => new(c => c.Problems()));
        builder.Services.AddSingleton<IValidateOptions<AuthorizationTerms>, NamedProblems<AuthorizationTerms>>(_ => new(t => t.Problems()));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<NomineeStore>();
        builder.Services.AddSingleton<NomineeQueries>();
        builder.Services.AddSingleton<ProgramDirectory>();
        builder.Services.AddHostedService<AuthorizationCalendar>();
        return builder;
    }

    /// <summary>Reports every problem of a settings section by name at start-up, not just "invalid".</summary>
    private sealed class NamedProblems<T>(Func<T, IEnumerable<string>> problems) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            problems(options).ToList() is { Count: > 0 } found ? ValidateOptionsResult.Fail(found) : ValidateOptionsResult.Success;
    }
}
