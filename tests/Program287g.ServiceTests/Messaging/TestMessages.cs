using Program287g.Contracts;

namespace Program287g.ServiceTests.Messaging.Contracts;

/// <summary>An event the messaging tests raise. <see cref="Run"/> keeps one test's messages apart from another's
/// on the shared broker.</summary>
public sealed record ThingHappened : IntegrationEvent
{
    public required string Thing { get; init; }
    public required string Run { get; init; }
}

/// <summary>An event whose consumer fails until it is cured.</summary>
public sealed record PoisonPill : IntegrationEvent
{
    public required string Run { get; init; }
}
