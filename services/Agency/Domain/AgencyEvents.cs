using Program287g.Contracts.Agency;

namespace Program287g.Agency.Domain;

/// <summary>The events an agency's changes raise, as the other services need them.</summary>
public static class AgencyEvents
{
    public static AgencyRegistered Registered(AgencyRecord agency, DateTimeOffset now) => new()
    {
        MessageId = Guid.CreateVersion7(),
        OccurredAt = now,
        AgencyId = agency.Id,
        Name = agency.Name,
        State = agency.State,
        Type = agency.Type,
        Kind = agency.Kind,
        County = agency.County,
        ContactName = agency.ContactName,
        ContactEmail = agency.ContactEmail,
    };

    public static AgencyUpdated Updated(AgencyRecord agency, DateTimeOffset now) => new()
    {
        MessageId = Guid.CreateVersion7(),
        OccurredAt = now,
        AgencyId = agency.Id,
        Version = agency.Version,
        Name = agency.Name,
        State = agency.State,
        Type = agency.Type,
        Kind = agency.Kind,
        County = agency.County,
        AgencyHead = agency.AgencyHead,
        ContactName = agency.ContactName,
        ContactEmail = agency.ContactEmail,
    };
}
