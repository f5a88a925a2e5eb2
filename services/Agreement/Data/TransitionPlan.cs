using Npgsql;
using Program287g.Agreement.Domain;
using Program287g.Contracts;

namespace Program287g.Agreement.Data;

/// <summary>What one transition writes: the agreement as it is after it, when it takes effect, the note for the
/// history, the event it raises and anything else it stores in the same transaction.</summary>
public sealed record TransitionPlan
{
    public required AgreementRecord After { get; init; }
    public required DateTimeOffset EffectiveAt { get; init; }
    public string? Note { get; init; }
    public Func<AgreementRecord, IntegrationEvent>? Event { get; init; }
    public Func<NpgsqlTransaction, Task>? AlsoWrite { get; init; }
}

/// <summary>What a transition came to.</summary>
public abstract record TransitionOutcome
{
    public sealed record Done(AgreementRecord Agreement) : TransitionOutcome;
    public sealed record Missing : TransitionOutcome;
    public sealed record NotAllowed(AgreementStatus Current) : TransitionOutcome;
}
