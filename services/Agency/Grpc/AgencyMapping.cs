using Program287g.Persistence;
using Program287g.Domain;
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
        UpdatedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(record.UpdatedAt, DateTimeKind.Utc)),
        Version = record.Version,
    };

    /// <summary>A new agency, or (with <paramref name="id"/>) an agency's new details.</summary>
    public static AgencyRecord ToRecord(this IAgencyDetails details, DateTime now, Guid? id = null)
    {
        now = DatabaseTime.ToStoredPrecision(now);
        var name = details.Name.Trim();
        return new AgencyRecord
        {
            Id = id ?? Guid.CreateVersion7(),
            Name = name,
            NormalizedName = AgencyName.Normalize(name),
            State = UsStates.ToCode(details.State)!,
            Type = details.Type.ToString(),
            Kind = details.Kind.ToString(),
            County = Blank(details.County),
            AgencyHead = Blank(details.AgencyHead),
            ContactName = Blank(details.PointOfContact.Name),
            ContactEmail = Blank(details.PointOfContact.Email),
            RegisteredAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>An agency from ICE's lists, to register if it is new: no head, no point of contact, and the kind
    /// read from its name and type unless the caller gave one.</summary>
    public static AgencyRecord ToRecord(this ListedAgency listed, DateTime now)
    {
        now = DatabaseTime.ToStoredPrecision(now);
        var name = listed.Name.Trim();
        var kind = listed.Kind == AgencyKind.Unspecified ? AgencyKinds.Infer(name, listed.Type) : listed.Kind;
        return new AgencyRecord
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            NormalizedName = AgencyName.Normalize(name),
            State = UsStates.ToCode(listed.State)!,
            Type = listed.Type.ToString(),
            Kind = kind.ToString(),
            County = Blank(listed.County),
            RegisteredAt = now,
            UpdatedAt = now,
        };
    }

    public static AgencyFilter ToFilter(this ListAgenciesRequest request) => new(
        string.IsNullOrWhiteSpace(request.State) ? null : UsStates.ToCode(request.State),
        request.Type == AgencyType.Unspecified ? null : request.Type.ToString(),
        request.Kind == AgencyKind.Unspecified ? null : request.Kind.ToString());

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
