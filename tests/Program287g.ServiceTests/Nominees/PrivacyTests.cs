using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Program287g.Agreement.V1;
using Program287g.Nominee.V1;
using Program287g.Testing;
using ProtoDate = Google.Type.Date;

namespace Program287g.ServiceTests.Nominees;

/// <summary>The Nominee service logging everything it has to say (every category at Trace) into a capture, which also
/// records every span in the process.</summary>
public sealed class ObservedNomineeSystem(TestInfrastructure servers) : IAsyncLifetime
{
    public CapturedTelemetry Telemetry { get; } = new();

    public NomineeSystem System { get; private set; } = null!;

    public async Task InitializeAsync() => System = await NomineeSystem.StartAsync(servers,
        new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace" },
        configureServices: services => services.AddSingleton<ILoggerProvider>(Telemetry));

    public async Task DisposeAsync()
    {
        await System.DisposeAsync();
        Telemetry.Dispose();
    }
}

/// <summary>Citizenship, background results and dates of birth are personal data: a nominee's whole way through the
/// service, a refusal and a failure included, leaves none of them in a log line or on a span.</summary>
[Collection(ServersCollection.Name)]
public sealed partial class PrivacyTests(ObservedNomineeSystem fixture) : IClassFixture<ObservedNomineeSystem>
{
    private readonly NomineeSystem _system = fixture.System;
    private readonly NomineePath _path = new(fixture.System);

    [Fact]
    public async Task Citizenship_background_results_and_dates_of_birth_never_appear_in_logs_or_traces()
    {
        fixture.Telemetry.Clear();
        var marker = $"BACKGROUND-FINDING-{Guid.NewGuid():N}";
        var agreement = await _system.ActiveAgreementAsync(Model.Tfm);
        var staff = _system.Nominees();
        var born = new ProtoDate { Year = 1979, Month = 4, Day = 23 };

        var noncitizen = NomineeSystem.Nomination(agreement, citizen: false);
        noncitizen.Officer.DateOfBirth = born;
        await staff.NominateOfficerAsync(noncitizen);
        var request = NomineeSystem.Nomination(agreement);
        request.Officer.DateOfBirth = born;
        var nominee = (await staff.NominateOfficerAsync(request)).Nominee;
        await _path.Do("start-background", nominee);
        await staff.RecordBackgroundResultAsync(new()
        {
            NomineeId = nominee.NomineeId, Outcome = BackgroundOutcome.Failed, CompletedOn = _system.DaysAgo(0), Note = marker,
        });
        var passing = (await staff.NominateOfficerAsync(NomineeSystem.Nomination(agreement))).Nominee;
        await _path.InStatusAsync(NomineeStatus.Authorized, agreement);
        var tooYoung = NomineeSystem.Nomination(agreement);
        tooYoung.Officer.DateOfBirth = new ProtoDate { Year = 2020, Month = 4, Day = 23 };
        await Should.ThrowAsync<Grpc.Core.RpcException>(() => staff.NominateOfficerAsync(tooYoung).ResponseAsync);
        await staff.GetNomineeAsync(new() { NomineeId = nominee.NomineeId });
        await staff.GetNomineeHistoryAsync(new() { NomineeId = nominee.NomineeId });
        await staff.ListNomineesAsync(new() { AgreementId = agreement.AgreementId });
        await _system.OutboxAsync("NomineeEligibilityDecided", passing.NomineeId);

        var telemetry = fixture.Telemetry;
        // The capture saw the traffic: otherwise an empty capture would pass.
        telemetry.SpanCount.ShouldBeGreaterThan(20);
        telemetry.LogCount.ShouldBeGreaterThan(20);
        var leaks = telemetry.Lines.Where(line =>
            line.Contains(marker, StringComparison.Ordinal)
            || DateOfBirth().IsMatch(line)
            || CitizenshipValue().IsMatch(line)
            || line.Contains("not-us-citizen", StringComparison.OrdinalIgnoreCase)
            || BackgroundOutcomeValue().IsMatch(line)).ToList();
        leaks.Select(line => line[..Math.Min(line.Length, 400)]).ShouldBeEmpty();
    }

    /// <summary>23 April 1979 as ISO, US, day-first and .NET's invariant formats.</summary>
    [GeneratedRegex(@"1979-04-23|0?4/23/1979|23/0?4/1979|23\.04\.1979|19790423")]
    private static partial Regex DateOfBirth();

    [GeneratedRegex(@"citizen\w*""?\s*[:=]\s*""?(true|false)", RegexOptions.IgnoreCase)]
    private static partial Regex CitizenshipValue();

    /// <summary>The outcome as the history names it ("background-failed"), as a status value ("background_failed"), as an
    /// event's field or as the proto enum; not the column name background_passed, which SQL text carries.</summary>
    [GeneratedRegex(@"background-(failed|passed)|background_failed|""?passed""?\s*[:=]\s*""?(true|false)|BACKGROUND_OUTCOME_(FAILED|PASSED)", RegexOptions.IgnoreCase)]
    private static partial Regex BackgroundOutcomeValue();
}
