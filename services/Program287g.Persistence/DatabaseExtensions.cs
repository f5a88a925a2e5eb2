using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

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
        builder.AddNpgsqlDataSource(connectionName, configureDataSourceBuilder: PrepareRepeatedStatements);
        builder.Services.AddSingleton(new MigrationSource(migrationsAssembly));
        builder.Services.AddSingleton<MigrationState>();
        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddHealthChecks().AddCheck<MigrationHealthCheck>("migrations");
        return builder;
    }

    /// <summary>Statements the service issues over and over are prepared on each pooled connection after their second
    /// use, so PostgreSQL parses and plans them once per connection instead of on every call: parsing, analysis and
    /// planning were 18% of the machine's CPU during SubmitApplication under load (scripts/profile-writes.sh). The
    /// connection's reset on return to the pool keeps prepared statements. A connection string that sets
    /// Max Auto Prepare itself (to anything but 0, Npgsql's default) keeps its own value.</summary>
    private const int AutoPreparedStatements = 128;

    private static void PrepareRepeatedStatements(NpgsqlDataSourceBuilder dataSource)
    {
        var settings = dataSource.ConnectionStringBuilder;
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = AutoPreparedStatements;
            settings.AutoPrepareMinUsages = 2;
        }
    }
}
