using Program287g.Agreement.V1;
using Program287g.Nominee.V1;
using Program287g.Testing;
using ProtoDate = Google.Type.Date;

namespace Program287g.ServiceTests.Nominees;

/// <summary>The Nominee service on a clock that starts in late February 2026, so nominations fall on the days around
/// the two-year boundary and 29 February.</summary>
public sealed class LeapYearNomineeSystem(TestInfrastructure servers) : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 2, 27, 17, 0, 0, TimeSpan.Zero);

    public NomineeSystem System { get; private set; } = null!;

    public async Task InitializeAsync() => System = await NomineeSystem.StartAsync(servers, now: Start);

    public async Task DisposeAsync() => await System.DisposeAsync();
}

/// <summary>Eligibility, decided at nomination through the API, with every reason that applies; the Task Force Model's
/// two full sworn years counted to the nomination date in Eastern time.</summary>
[Collection(ServersCollection.Name)]
public sealed class EligibilityTests(LeapYearNomineeSystem fixture) : IClassFixture<LeapYearNomineeSystem>
{
    private readonly NomineeSystem _system = fixture.System;

    private sealed record Case(string Because, string NominatedAtUtc, Model Model, string FirstSworn, bool Citizen, bool Attests,
        IneligibilityReason[] Expected);

    // In the order of the clock, which only moves forward. 28 Feb 2026 and 1 Mar 2026 fall in a common year.
    private static readonly Case[] Cases =
    [
        new("TFM, the day before two full years", "2026-02-27T17:00:00Z", Model.Tfm, "2024-02-28", true, true,
            [IneligibilityReason.LessThanTwoYearsSworn]),
        new("TFM, one year short", "2026-02-27T17:00:00Z", Model.Tfm, "2025-02-27", true, true, [IneligibilityReason.LessThanTwoYearsSworn]),
        new("JEM needs no two years", "2026-02-27T17:00:00Z", Model.Jem, "2026-02-20", true, true, []),
        new("TFM, the day two full years are complete", "2026-02-28T17:00:00Z", Model.Tfm, "2024-02-28", true, true, []),
        new("TFM, sworn 29 Feb 2024: not complete on 28 Feb 2026", "2026-02-28T17:00:00Z", Model.Tfm, "2024-02-29", true, true,
            [IneligibilityReason.LessThanTwoYearsSworn]),
        new("TFM, sworn 29 Feb 2024, late on 28 Feb Eastern (1 Mar UTC)", "2026-03-01T04:30:00Z", Model.Tfm, "2024-02-29", true, true,
            [IneligibilityReason.LessThanTwoYearsSworn]),
        new("TFM, sworn 29 Feb 2024: complete on 1 Mar 2026", "2026-03-01T17:00:00Z", Model.Tfm, "2024-02-29", true, true, []),
        new("TFM, sworn 2 Mar 2024: the day before on 1 Mar 2026", "2026-03-01T17:00:00Z", Model.Tfm, "2024-03-02", true, true,
            [IneligibilityReason.LessThanTwoYearsSworn]),
        new("WSO, not a citizen", "2026-03-01T17:00:00Z", Model.Wso, "2010-01-01", false, true, [IneligibilityReason.NotUsCitizen]),
        new("JEM, no attestation", "2026-03-01T17:00:00Z", Model.Jem, "2010-01-01", true, false, [IneligibilityReason.NoJurisdictionAttestation]),
        new("TFM, every reason at once", "2026-03-01T17:00:00Z", Model.Tfm, "2025-06-01", false, false,
            [IneligibilityReason.NotUsCitizen, IneligibilityReason.NoJurisdictionAttestation, IneligibilityReason.LessThanTwoYearsSworn]),
    ];

    [Fact]
    public async Task Eligibility_through_the_API_gives_every_reason_that_applies_at_the_two_year_boundary_and_on_29_February()
    {
        var agreements = new Dictionary<Model, Program287g.Agreement.V1.Agreement>();
        foreach (var model in new[] { Model.Jem, Model.Tfm, Model.Wso })
        {
            agreements[model] = await _system.ActiveAgreementAsync(model);
        }
        foreach (var @case in Cases)
        {
            _system.Clock.SetUtcNow(DateTimeOffset.Parse(@case.NominatedAtUtc, System.Globalization.CultureInfo.InvariantCulture));
            var sworn = DateOnly.Parse(@case.FirstSworn, System.Globalization.CultureInfo.InvariantCulture);

            var nominee = (await _system.Nominees().NominateOfficerAsync(NomineeSystem.Nomination(agreements[@case.Model],
                firstSworn: new ProtoDate { Year = sworn.Year, Month = sworn.Month, Day = sworn.Day }, citizen: @case.Citizen,
                attests: @case.Attests))).Nominee;

            nominee.Eligibility.Reasons.ToArray().ShouldBe(@case.Expected, @case.Because);
            nominee.Eligibility.Eligible.ShouldBe(@case.Expected.Length == 0, @case.Because);
            nominee.Status.ShouldBe(@case.Expected.Length == 0 ? NomineeStatus.Eligible : NomineeStatus.Ineligible, @case.Because);
        }
    }
}
