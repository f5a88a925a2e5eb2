using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Program287g.ServiceDefaults;

namespace Program287g.Persistence;

/// <summary>Applies pending migrations at start-up, outside request handling. It retries until the database
/// answers (the service stays alive but not ready meanwhile), and holds an advisory lock so that two instances
/// starting together apply each script once. Each script runs in its own transaction with its journal row.</summary>
public sealed class DatabaseMigrator(NpgsqlDataSource dataSource, IEnumerable<MigrationSource> sources, MigrationState state,
    ILogger<DatabaseMigrator> logger) : BackgroundService
{
    private const long AdvisoryLockKey = 287_000_001;
    private static readonly ActivitySource Tracer = new(TelemetrySources.Program287g);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Shared libraries' tables first, then the service's own, which may refer to them.
        var migrations = sources.OrderBy(s => s.Scope is null).SelectMany(s => s.Load()).ToList();
        var delay = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var activity = Tracer.StartActivity("database migrate");
                var applied = await ApplyAsync(migrations, stoppingToken);
                state.Complete(applied);
                logger.LogInformation("Database ready: {Applied} migration(s) applied, {Total} known", applied.Count, migrations.Count);
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                state.Fail(exception.Message);
                logger.LogWarning("Database not reachable yet ({Message}); retrying in {Delay}", exception.Message, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    private async Task<IReadOnlyList<string>> ApplyAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: cancellationToken));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    id text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken: cancellationToken));
            var done = (await connection.QueryAsync<string>(new CommandDefinition("SELECT id FROM schema_migrations", cancellationToken: cancellationToken))).ToHashSet();
            var applied = new List<string>();
            foreach (var migration in migrations.Where(m => !done.Contains(m.Id)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition("INSERT INTO schema_migrations (id) VALUES (@id)", new { id = migration.Id }, transaction, cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
                applied.Add(migration.Id);
                logger.LogInformation("Applied migration {Migration}", migration.Id);
            }
            return applied;
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey }, cancellationToken: CancellationToken.None));
        }
    }
}
