using Npgsql;
using Program287g.Contracts;
using Program287g.Nominee.Domain;

namespace Program287g.Nominee.Data;

/// <summary>What a step sees: the nominee under its row lock, their agreement as this service knows it (share-locked),
/// and, for an exam, the attempts recorded so far.</summary>
public sealed record StepContext(NomineeRecord Current, AgreementView Agreement, IReadOnlyList<ExamAttemptRecord> Attempts);

/// <summary>What one step writes: the nominee after it (its status included), the history entry, the events it raises
/// and anything else stored in the same transaction. <see cref="Unchanged"/> is a repeat that writes nothing.</summary>
public sealed record StepPlan
{
    public required NomineeRecord After { get; init; }
    /// <summary>The history's name for what happened, e.g. "background-passed", "exam-failed".</summary>
    public required string Action { get; init; }
    public required DateOnly EffectiveOn { get; init; }
    public string? Note { get; init; }
    public Func<NomineeRecord, IEnumerable<IntegrationEvent>>? Events { get; init; }
    public Func<NpgsqlTransaction, Task>? AlsoWrite { get; init; }
    public bool Unchanged { get; init; }

    public static StepPlan Repeat(NomineeRecord current) =>
        new() { After = current, Action = "", EffectiveOn = default, Unchanged = true };
}

/// <summary>What a step came to.</summary>
public abstract record StepOutcome
{
    public sealed record Done(NomineeRecord Nominee) : StepOutcome;
    public sealed record Missing : StepOutcome;
    public sealed record NotAllowed(NomineeStatus Current) : StepOutcome;
}
