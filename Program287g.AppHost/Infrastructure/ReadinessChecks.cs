using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Program287g.LocalServers;
using RabbitMQ.Client;

namespace Program287g.AppHost.Infrastructure;

/// <summary>The native PostgreSQL server is ready when it accepts the superuser's password over TCP and every
/// service's database exists. Creating the missing databases here is what Aspire's AddDatabase does for the
/// container resource; doing it inside the check means "healthy" already means "the services can start".</summary>
internal sealed class PostgresReadinessCheck(string adminConnectionString, IReadOnlyList<string> databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(adminConnectionString);
            await connection.OpenAsync(cancellationToken);
            foreach (var database in databases)
            {
                await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
                {
                    Parameters = { new() { Value = database } },
                };
                if (await exists.ExecuteScalarAsync(cancellationToken) is null)
                {
                    // Names come from ResourceNames, never from input; CREATE DATABASE takes no parameters.
                    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                    await create.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy(exception.Message);
        }
    }
}

/// <summary>The native broker is ready when it accepts an AMQP connection with the program's user.</summary>
internal sealed class RabbitMqReadinessCheck(string connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var factory = new ConnectionFactory { Uri = new Uri(connectionString) };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy(exception.Message);
        }
    }
}

/// <summary>The mailbox is ready when the IMAP server its connection string names greets and accepts that user's LOGIN.</summary>
internal sealed class ImapReadinessCheck(IResourceWithConnectionString mailbox) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connectionString = await mailbox.ConnectionStringExpression.GetValueAsync(cancellationToken)
                ?? throw new InvalidOperationException("The mailbox has no connection string yet.");
            await ImapProbe.LoginAsync(ImapConnectionString.Parse(connectionString), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(exception.Message);
        }
    }
}
