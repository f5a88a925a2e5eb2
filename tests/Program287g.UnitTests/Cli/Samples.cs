extern alias Cli;

using Cli::Program287g.Agreement.V1;
using Google.Protobuf.WellKnownTypes;
using Date = Google.Type.Date;

namespace Program287g.UnitTests.Cli;

/// <summary>Records as the Agreement service would answer them.</summary>
internal static class Samples
{
    public static readonly Timestamp AsOf = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 27, 15, 0, 0, TimeSpan.FromHours(-4)));

    public static Agreement Agreement(string id, string agency, string state = "TX", Model model = Model.Jem) => new()
    {
        AgreementId = id,
        ReferenceNumber = $"287G-2025-{id}",
        Agency = new AgencySummary { AgencyId = $"agency-{id}", Name = agency, State = state, Type = "County", County = "Harris" },
        Model = model,
        Status = AgreementStatus.Active,
        SubmittedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 2, 3, 14, 30, 0, TimeSpan.Zero)),
        ActiveFrom = new Date { Year = 2025, Month = 2, Day = 20 },
        MoaUrl = id == "000001" ? "https://www.ice.gov/moa/harris.pdf" : "",
        Version = 3,
    };
}
