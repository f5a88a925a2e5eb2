using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Program287g.Persistence;

/// <summary>Whether this process's database is migrated; the readiness check reads it.</summary>
public sealed class MigrationState
{
    private volatile string? _lastError = "Migrations have not run yet.";
    private volatile bool _completed;
    private readonly TaskCompletionSource _whenCompleted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Completed => _completed;

    /// <summary>Completes once the migrations are in: work that reads the tables (the outbox dispatcher) waits on it.</summary>
    public Task WhenCompleted => _whenCompleted.Task;

    public IReadOnlyList<string> Applied { get; private set; } = [];

    public void Complete(IReadOnlyList<string> applied)
    {
        Applied = applied;
        _lastError = null;
        _completed = true;
        _whenCompleted.TrySetResult();
    }

    public void Fail(string error) => _lastError = error;

    public string? LastError => _lastError;
}

public sealed class MigrationHealthCheck(MigrationState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Completed
            ? HealthCheckResult.Healthy("Database migrated.")
            : HealthCheckResult.Unhealthy($"Database not migrated: {state.LastError}"));
}
