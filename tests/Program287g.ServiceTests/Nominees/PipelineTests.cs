using Grpc.Core;
using Program287g.Agreement.V1;
using Program287g.Nominee.V1;

namespace Program287g.ServiceTests.Nominees;

/// <summary>Every step from every status a nominee can reach by their own steps: taken where the pipeline allows it,
/// refused naming the current status where it does not, and then nothing changed.</summary>
[Collection(ServersCollection.Name)]
public sealed class PipelineTests(NomineeSystemFixture fixture) : IClassFixture<NomineeSystemFixture>
{
    private readonly NomineeSystem _system = fixture.System;
    private readonly NomineePath _path = new(fixture.System);

    private static readonly NomineeStatus[] Reachable =
    [
        NomineeStatus.Ineligible, NomineeStatus.Eligible, NomineeStatus.BackgroundInProgress, NomineeStatus.BackgroundFailed,
        NomineeStatus.Cleared, NomineeStatus.InTraining, NomineeStatus.Trained, NomineeStatus.Dismissed, NomineeStatus.Certified,
        NomineeStatus.Authorized, NomineeStatus.Suspended, NomineeStatus.Revoked, NomineeStatus.Withdrawn,
    ];

    public static TheoryData<NomineeStatus, string, NomineeStatus?> Steps()
    {
        NomineeStatus[] inPipeline = [NomineeStatus.Eligible, NomineeStatus.BackgroundInProgress, NomineeStatus.Cleared,
            NomineeStatus.InTraining, NomineeStatus.Trained, NomineeStatus.Certified];
        var legal = new Dictionary<(NomineeStatus, string), NomineeStatus>
        {
            [(NomineeStatus.Eligible, "start-background")] = NomineeStatus.BackgroundInProgress,
            [(NomineeStatus.BackgroundInProgress, "record-background")] = NomineeStatus.Cleared,
            [(NomineeStatus.Cleared, "enroll")] = NomineeStatus.InTraining,
            [(NomineeStatus.InTraining, "record-exam")] = NomineeStatus.Trained,
            [(NomineeStatus.Trained, "certify")] = NomineeStatus.Certified,
            [(NomineeStatus.Certified, "issue-authorization")] = NomineeStatus.Authorized,
            [(NomineeStatus.Authorized, "suspend")] = NomineeStatus.Suspended,
            [(NomineeStatus.Suspended, "reinstate")] = NomineeStatus.Authorized,
            [(NomineeStatus.Authorized, "revoke")] = NomineeStatus.Revoked,
            [(NomineeStatus.Suspended, "revoke")] = NomineeStatus.Revoked,
            [(NomineeStatus.Authorized, "record-refresher")] = NomineeStatus.Authorized,
            [(NomineeStatus.Suspended, "record-refresher")] = NomineeStatus.Suspended,
        };
        foreach (var status in inPipeline)
        {
            legal[(status, "withdraw")] = NomineeStatus.Withdrawn;
        }
        var data = new TheoryData<NomineeStatus, string, NomineeStatus?>();
        foreach (var status in Reachable)
        {
            foreach (var step in NomineePath.Steps)
            {
                data.Add(status, step, legal.TryGetValue((status, step), out var next) ? next : null);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task Every_step_from_every_status_is_taken_or_refused_naming_the_current_status(NomineeStatus from, string step,
        NomineeStatus? expected)
    {
        var nominee = await _path.InStatusAsync(from, await _system.SharedAgreementAsync(Model.Jem));
        var before = (await _system.Nominees().GetNomineeHistoryAsync(new() { NomineeId = nominee.NomineeId })).Steps.Count;

        if (expected is { } next)
        {
            var after = await _path.Do(step, nominee);
            after.Status.ShouldBe(next);
            after.Version.ShouldBe(nominee.Version + 1);
            var history = (await _system.Nominees().GetNomineeHistoryAsync(new() { NomineeId = nominee.NomineeId })).Steps;
            history.Count.ShouldBe(before + 1);
            (history[^1].FromStatus, history[^1].ToStatus).ShouldBe((from, next));
            (history[^1].Actor, history[^1].ActorRole).ShouldBe(("staff@test", "program-staff"));
        }
        else
        {
            var refusal = await Should.ThrowAsync<RpcException>(() => _path.Do(step, nominee));
            refusal.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
            refusal.Status.Detail.ShouldContain($"who is {from.ToString().ToSnakeWords()}");
            var unchanged = (await _system.Nominees().GetNomineeAsync(new() { NomineeId = nominee.NomineeId })).Nominee;
            unchanged.ShouldBe(nominee);
        }
    }
}

internal static class StatusWords
{
    /// <summary>"BackgroundInProgress" as the service's messages say it: "background in progress".</summary>
    public static string ToSnakeWords(this string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? $" {char.ToLowerInvariant(c)}" : char.ToLowerInvariant(c).ToString()));
}
