namespace Program287g.Agency.V1;

/// <summary>The details RegisterAgency and UpdateAgency both carry, so that one set of options fills either.</summary>
public interface IAgencyFields
{
    string Name { get; set; }
    string State { get; set; }
    AgencyType Type { get; set; }
    AgencyKind Kind { get; set; }
    string County { get; set; }
    string AgencyHead { get; set; }
    PointOfContact PointOfContact { get; set; }
}

public sealed partial class RegisterAgencyRequest : IAgencyFields;

public sealed partial class UpdateAgencyRequest : IAgencyFields;
