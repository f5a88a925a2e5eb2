using Program287g.Agency.V1;

namespace Program287g.ServiceTests.Notifications;

/// <summary>Agencies registered through the real Agency service, for inquiries about an agency and agency users.</summary>
public static class AgencyRegistry
{
    public static async Task<Program287g.Agency.V1.Agency> RegisterAsync(NotificationSystem system) =>
        (await system.Agencies().RegisterAgencyAsync(new RegisterAgencyRequest
        {
            Name = $"Test County {Guid.NewGuid():N} Sheriff's Office", State = "TX", Type = AgencyType.County,
            Kind = AgencyKind.SheriffsOffice, County = "Test", AgencyHead = "Sheriff Pat Example",
            PointOfContact = new PointOfContact { Name = "Jo Contact", Email = "jo.contact@example.gov" },
        })).Agency;
}
