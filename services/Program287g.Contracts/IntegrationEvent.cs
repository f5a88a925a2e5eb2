namespace Program287g.Contracts;

/// <summary>What every event carries: its own id (the bus message id, and the key consumers deduplicate on) and
/// when the change it reports happened. Events are named in the past tense; commands verb-noun.</summary>
public abstract record IntegrationEvent
{
    public required Guid MessageId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }
}
