using Google.Protobuf.WellKnownTypes;
using Program287g.Agency.Domain;
using Program287g.Agency.V1;

namespace Program287g.Agency.Grpc;

/// <summary>Between stored rows and the proto messages. Enums are stored by their proto names so that the
/// database reads the same as the API.</summary>
internal static class AgencyMapping
{
    public static V1.Agency ToMessage(this AgencyRecord record) => new()
    {
        AgencyId = record.Id.ToString(),
        Name = record.Name,
        State = record.State,
        Type = System.Enum.Parse<AgencyType>(record.Type),
        Kind = System.Enum.Parse<AgencyKind>(record.Kind),
        County = record.County ?? "",
        AgencyHead = record.AgencyHead ?? "",
        PointOfContact = new PointOfContact { Name = record.ContactName ?? "", Email = record.ContactEmail ?? "" },
        RegisteredAt = Timestamp.FromDateTime(DateTime.SpecifyKind(record.RegisteredAt, DateTimeKind.Utc)),
    };

    public static AgencyRecord ToRecord(this RegisterAgencyRequest request, DateTime now)
    {
        // PostgreSQL keeps microseconds: store what it will give back, so a read equals the registration's answer.
        now = new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
        var name = request.Name.Trim();
        return new AgencyRecord
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            NormalizedName = AgencyName.Normalize(name),
            State = UsStates.ToCode(request.State)!,
            Type = request.Type.ToString(),
            Kind = request.Kind.ToString(),
            County = Blank(request.County),
            AgencyHead = Blank(request.AgencyHead),
            ContactName = Blank(request.PointOfContact.Name),
            ContactEmail = Blank(request.PointOfContact.Email),
            RegisteredAt = now,
            UpdatedAt = now,
        };
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
