using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Program287g.Persistence;

public static class DatabaseExtensions
{
    /// <summary>The service's own database, from the connection string the AppHost names
    /// <paramref name="connectionName"/>, migrated at start-up with the SQL scripts embedded in
    /// <paramref name="migrationsAssembly"/> (Data/Migrations/NNNN_name.sql, applied in name order).
    /// The service reports ready only once the migrations are in.</summary>
    public static TBuilder AddServiceDatabase<TBuilder>(this TBuilder builder, string connectionName,
        Assembly migrationsAssembly) where TBuilder : IHostApplicationBuilder
    {
        builder.AddNpgsqlDataSource(connectionName);
        builder.Services.AddSingleton(new MigrationSource(migrationsAssembly));
        builder.Services.AddSingleton<MigrationState>();
        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddHealthChecks().AddCheck<MigrationHealthCheck>("migrations");
        return builder;
    }
}
