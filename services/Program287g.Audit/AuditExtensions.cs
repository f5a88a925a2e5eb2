using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Program287g.Audit.Grpc;
using Program287g.Persistence;
using Program287g.ServiceDefaults.Validation;

namespace Program287g.Audit;

public static class AuditExtensions
{
    /// <summary>The audit_log table, migrated into the service's own database with the shared tables (its ids are
    /// "audit.NNNN_name"), and the reader behind the AuditService. Call after AddServiceDatabase.</summary>
    public static TBuilder AddAuditTrail<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton(new MigrationSource(typeof(AuditExtensions).Assembly, "audit"));
        builder.Services.AddRequestValidators<ListAuditRecordsValidator>();
        builder.Services.AddSingleton<AuditLog>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAuditService(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<AuditGrpcService>();
        return endpoints;
    }
}
