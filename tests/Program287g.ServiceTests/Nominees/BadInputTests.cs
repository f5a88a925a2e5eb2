using Grpc.Core;
using Program287g.Agreement.V1;
using Program287g.Nominee.V1;
using Program287g.Testing;
using ProtoDate = Google.Type.Date;

namespace Program287g.ServiceTests.Nominees;

/// <summary>Bad input to every RPC of the Nominee service is INVALID_ARGUMENT with a google.rpc.BadRequest naming the
/// proto field path; a well-formed id that names nothing is NOT_FOUND; nothing a caller sends is answered INTERNAL.</summary>
[Collection(ServersCollection.Name)]
public sealed class BadInputTests(NomineeSystemFixture fixture) : IClassFixture<NomineeSystemFixture>
{
    private readonly NomineeSystem _system = fixture.System;

    private static readonly ProtoDate February30 = new() { Year = 2025, Month = 2, Day = 30 };
    private static readonly ProtoDate Month13 = new() { Year = 2025, Month = 13, Day = 1 };
    private static readonly ProtoDate Year0 = new() { Year = 0, Month = 3, Day = 1 };
    private static readonly string TooLong = new('x', 2001);
    private static readonly string Id = Guid.NewGuid().ToString();

    private static ProtoDate DaysAhead(int days)
    {
        var day = Program287g.Domain.ProgramTime.DateOf(DateTimeOffset.UtcNow).AddDays(days);
        return new ProtoDate { Year = day.Year, Month = day.Month, Day = day.Day };
    }

    private static ProtoDate Today => DaysAhead(0);

    /// <summary>A nomination spoiled in one place, on the fixture's agreement.</summary>
    private static Func<NomineeService.NomineeServiceClient, Program287g.Agreement.V1.Agreement, Task> Nominate(
        Action<NominateOfficerRequest> spoil) => (client, agreement) =>
    {
        var request = NomineeSystem.Nomination(agreement);
        spoil(request);
        return client.NominateOfficerAsync(request).ResponseAsync;
    };

    private static Func<NomineeService.NomineeServiceClient, Program287g.Agreement.V1.Agreement, Task> Call<T>(
        Func<NomineeService.NomineeServiceClient, AsyncUnaryCall<T>> call) => (client, _) => call(client).ResponseAsync;

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (because, (field, _)) in BadCases)
        {
            data.Add(because, field);
        }
        return data;
    }

    private static readonly Dictionary<string, (string Field, Func<NomineeService.NomineeServiceClient, Program287g.Agreement.V1.Agreement, Task> Send)> BadCases = new()
    {
        ["nominate: agency_id not a UUID"] = ("agency_id", Nominate(r => r.AgencyId = "harris")),
        ["nominate: agreement_id empty"] = ("agreement_id", Nominate(r => r.AgreementId = "")),
        ["nominate: no officer"] = ("officer", Nominate(r => r.Officer = null)),
        ["nominate: given name blank"] = ("officer.given_name", Nominate(r => r.Officer.GivenName = "  ")),
        ["nominate: family name too long"] = ("officer.family_name", Nominate(r => r.Officer.FamilyName = new string('f', 101))),
        ["nominate: middle name too long"] = ("officer.middle_name", Nominate(r => r.Officer.MiddleName = new string('m', 101))),
        ["nominate: no badge number"] = ("officer.badge_number", Nominate(r => r.Officer.BadgeNumber = "")),
        ["nominate: born on 30 February"] = ("officer.date_of_birth", Nominate(r => r.Officer.DateOfBirth = February30)),
        ["nominate: born in month 13"] = ("officer.date_of_birth", Nominate(r => r.Officer.DateOfBirth = Month13)),
        ["nominate: born in year 0"] = ("officer.date_of_birth", Nominate(r => r.Officer.DateOfBirth = Year0)),
        ["nominate: no date of birth"] = ("officer.date_of_birth", Nominate(r => r.Officer.DateOfBirth = null)),
        ["nominate: born tomorrow"] = ("officer.date_of_birth", Nominate(r => r.Officer.DateOfBirth = DaysAhead(1))),
        ["nominate: born in 9999 (found by the fuzz pass)"] = ("officer.date_of_birth", Nominate(r => r.Officer.DateOfBirth = new ProtoDate { Year = 9999, Month = 12, Day = 29 })),
        ["nominate: sworn in 9999, born in 9999"] = ("first_sworn_on", Nominate(r =>
        {
            r.Officer.DateOfBirth = new ProtoDate { Year = 9999, Month = 1, Day = 28 };
            r.FirstSwornOn = new ProtoDate { Year = 9999, Month = 12, Day = 15 };
        })),
        ["nominate: born in 1900"] = ("officer.date_of_birth", Nominate(r => r.Officer.DateOfBirth = new ProtoDate { Year = 1900, Month = 1, Day = 1 })),
        ["nominate: email without a domain"] = ("officer.email", Nominate(r => r.Officer.Email = "jordan@")),
        ["nominate: email with a display name"] = ("officer.email", Nominate(r => r.Officer.Email = "Jordan <j@x.gov>")),
        ["nominate: email empty"] = ("officer.email", Nominate(r => r.Officer.Email = "")),
        ["nominate: phone with letters"] = ("officer.phone", Nominate(r => r.Officer.Phone = "call me")),
        ["nominate: citizenship not said"] = ("us_citizen", Nominate(r => r.ClearUsCitizen())),
        ["nominate: no first sworn date"] = ("first_sworn_on", Nominate(r => r.FirstSwornOn = null)),
        ["nominate: sworn tomorrow"] = ("first_sworn_on", Nominate(r => r.FirstSwornOn = DaysAhead(1))),
        ["nominate: sworn before 18"] = ("first_sworn_on", Nominate(r => r.FirstSwornOn = new ProtoDate { Year = 2000, Month = 1, Day = 1 })),
        ["nominate: no attestation"] = ("attestation", Nominate(r => r.Attestation = null)),
        ["nominate: attested by nobody"] = ("attestation.attested_by", Nominate(r => r.Attestation.AttestedBy = "")),
        ["nominate: attester without a title"] = ("attestation.title", Nominate(r => r.Attestation.Title = " ")),
        ["nominate: attested on 30 February"] = ("attestation.attested_on", Nominate(r => r.Attestation.AttestedOn = February30)),
        ["nominate: attested tomorrow"] = ("attestation.attested_on", Nominate(r => r.Attestation.AttestedOn = DaysAhead(1))),
        ["nominate: attestation not said"] = ("attestation.knows_and_has_enforced_jurisdiction_laws",
            Nominate(r => r.Attestation.ClearKnowsAndHasEnforcedJurisdictionLaws())),
        ["nominate: NUL in a name"] = ("officer.given_name", Nominate(r => r.Officer.GivenName = "Jor\0dan")),
        ["get: nominee_id not a UUID"] = ("nominee_id", Call(c => c.GetNomineeAsync(new() { NomineeId = "42" }))),
        ["history: nominee_id empty"] = ("nominee_id", Call(c => c.GetNomineeHistoryAsync(new()))),
        ["list: agency_id not a UUID"] = ("agency_id", Call(c => c.ListNomineesAsync(new() { AgencyId = "tx" }))),
        ["list: agreement_id not a UUID"] = ("agreement_id", Call(c => c.ListNomineesAsync(new() { AgreementId = "x" }))),
        ["list: unknown model"] = ("model", Call(c => c.ListNomineesAsync(new() { Model = (Model)99 }))),
        ["list: unspecified status"] = ("statuses[0]", Call(c => c.ListNomineesAsync(new() { Statuses = { NomineeStatus.Unspecified } }))),
        ["list: unknown status"] = ("statuses[1]", Call(c => c.ListNomineesAsync(new() { Statuses = { NomineeStatus.Eligible, (NomineeStatus)77 } }))),
        ["list: page too large"] = ("page_size", Call(c => c.ListNomineesAsync(new() { PageSize = 501 }))),
        ["list: negative page"] = ("page_size", Call(c => c.ListNomineesAsync(new() { PageSize = -1 }))),
        ["list: forged page token"] = ("page_token", Call(c => c.ListNomineesAsync(new() { PageToken = "bm90IGEgdG9rZW4" }))),
        ["list: page token not base64"] = ("page_token", Call(c => c.ListNomineesAsync(new() { PageToken = "***" }))),
        ["withdraw: nominee_id not a UUID"] = ("nominee_id", Call(c => c.WithdrawNominationAsync(new() { NomineeId = "x" }))),
        ["withdraw: reason too long"] = ("reason", Call(c => c.WithdrawNominationAsync(new() { NomineeId = Id, Reason = TooLong }))),
        ["background: nominee_id empty"] = ("nominee_id", Call(c => c.StartBackgroundInvestigationAsync(new() { StartedOn = Today }))),
        ["background: no start date"] = ("started_on", Call(c => c.StartBackgroundInvestigationAsync(new() { NomineeId = Id }))),
        ["background: starts tomorrow"] = ("started_on", Call(c => c.StartBackgroundInvestigationAsync(new() { NomineeId = Id, StartedOn = DaysAhead(1) }))),
        ["result: no outcome"] = ("outcome", Call(c => c.RecordBackgroundResultAsync(new() { NomineeId = Id, CompletedOn = Today }))),
        ["result: unknown outcome"] = ("outcome", Call(c => c.RecordBackgroundResultAsync(new()
        {
            NomineeId = Id, CompletedOn = Today, Outcome = (BackgroundOutcome)5,
        }))),
        ["result: completed in month 13"] = ("completed_on", Call(c => c.RecordBackgroundResultAsync(new()
        {
            NomineeId = Id, CompletedOn = Month13, Outcome = BackgroundOutcome.Passed,
        }))),
        ["result: note too long"] = ("note", Call(c => c.RecordBackgroundResultAsync(new()
        {
            NomineeId = Id, CompletedOn = Today, Outcome = BackgroundOutcome.Passed, Note = TooLong,
        }))),
        ["courses: unknown model"] = ("model", Call(c => c.ListTrainingCoursesAsync(new() { Model = (Model)9 }))),
        ["enrol: no course"] = ("course_id", Call(c => c.EnrollInTrainingAsync(new() { NomineeId = Id, StartsOn = Today }))),
        ["enrol: no start date"] = ("starts_on", Call(c => c.EnrollInTrainingAsync(new() { NomineeId = Id, CourseId = "jem-basic" }))),
        ["enrol: starts in two years"] = ("starts_on", Call(c => c.EnrollInTrainingAsync(new()
        {
            NomineeId = Id, CourseId = "jem-basic", StartsOn = DaysAhead(730),
        }))),
        ["exam: no exam"] = ("exam_id", Call(c => c.RecordExamResultAsync(new() { NomineeId = Id, Attempt = 1, ScorePercent = 80, TakenOn = Today }))),
        ["exam: attempt 0"] = ("attempt", Call(c => c.RecordExamResultAsync(new()
        {
            NomineeId = Id, ExamId = "final", Attempt = 0, ScorePercent = 80, TakenOn = Today,
        }))),
        ["exam: score 101"] = ("score_percent", Call(c => c.RecordExamResultAsync(new()
        {
            NomineeId = Id, ExamId = "final", Attempt = 1, ScorePercent = 101, TakenOn = Today,
        }))),
        ["exam: score below 0"] = ("score_percent", Call(c => c.RecordExamResultAsync(new()
        {
            NomineeId = Id, ExamId = "final", Attempt = 1, ScorePercent = -1, TakenOn = Today,
        }))),
        ["exam: taken tomorrow"] = ("taken_on", Call(c => c.RecordExamResultAsync(new()
        {
            NomineeId = Id, ExamId = "final", Attempt = 1, ScorePercent = 80, TakenOn = DaysAhead(1),
        }))),
        ["certify: no date"] = ("certified_on", Call(c => c.CertifyOfficerAsync(new() { NomineeId = Id, CertifiedBy = "A", CertifiedByTitle = "B" }))),
        ["certify: by nobody"] = ("certified_by", Call(c => c.CertifyOfficerAsync(new() { NomineeId = Id, CertifiedOn = Today, CertifiedByTitle = "B" }))),
        ["certify: without a title"] = ("certified_by_title", Call(c => c.CertifyOfficerAsync(new() { NomineeId = Id, CertifiedOn = Today, CertifiedBy = "A" }))),
        ["issue: issued tomorrow"] = ("issued_on", Call(c => c.IssueAuthorizationAsync(new()
        {
            NomineeId = Id, IssuedOn = DaysAhead(1), IssuingOffice = "ERO Houston",
        }))),
        ["issue: by no office"] = ("issuing_office", Call(c => c.IssueAuthorizationAsync(new() { NomineeId = Id, IssuedOn = Today }))),
        ["suspend: no reason"] = ("reason", Call(c => c.SuspendAuthorizationAsync(new() { NomineeId = Id }))),
        ["suspend: nominee_id not a UUID"] = ("nominee_id", Call(c => c.SuspendAuthorizationAsync(new() { NomineeId = "x", Reason = "r" }))),
        ["reinstate: note too long"] = ("note", Call(c => c.ReinstateAuthorizationAsync(new() { NomineeId = Id, Note = TooLong }))),
        ["reinstate: nominee_id empty"] = ("nominee_id", Call(c => c.ReinstateAuthorizationAsync(new()))),
        ["revoke: reason blank"] = ("reason", Call(c => c.RevokeAuthorizationAsync(new() { NomineeId = Id, Reason = "   " }))),
        ["revoke: reason too long"] = ("reason", Call(c => c.RevokeAuthorizationAsync(new() { NomineeId = Id, Reason = TooLong }))),
        ["refresher: no date"] = ("completed_on", Call(c => c.RecordRefresherTrainingAsync(new() { NomineeId = Id }))),
        ["refresher: nominee_id not a UUID"] = ("nominee_id", Call(c => c.RecordRefresherTrainingAsync(new() { NomineeId = "x", CompletedOn = Today }))),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_invalid_argument_naming_the_field(string because, string field)
    {
        var agreement = await _system.SharedAgreementAsync(Model.Jem);

        var refusal = await Should.ThrowAsync<RpcException>(() => BadCases[because].Send(_system.Nominees(), agreement));

        refusal.StatusCode.ShouldBe(StatusCode.InvalidArgument, because);
        refusal.BadFields().ShouldContain(field, because);
    }

    [Fact]
    public async Task The_nomination_the_bad_cases_spoil_is_accepted()
    {
        var agreement = await _system.SharedAgreementAsync(Model.Jem);

        (await _system.Nominees().NominateOfficerAsync(NomineeSystem.Nomination(agreement))).Nominee.Status.ShouldBe(NomineeStatus.Eligible);
    }

    public static TheoryData<string> StepsOnUnknownNominees() =>
        ["get", "history", "withdraw", "start-background", "record-background", "enroll", "record-exam", "certify", "issue-authorization",
            "suspend", "reinstate", "revoke", "record-refresher"];

    [Theory]
    [MemberData(nameof(StepsOnUnknownNominees))]
    public async Task A_well_formed_id_that_names_no_nominee_is_not_found_naming_it(string step)
    {
        var unknown = new Program287g.Nominee.V1.Nominee
        {
            NomineeId = Guid.NewGuid().ToString(), Agreement = new AgreementRef { Model = Model.Jem },
        };
        var path = new NomineePath(_system);

        var refusal = await Should.ThrowAsync<RpcException>(() => step switch
        {
            "get" => _system.Nominees().GetNomineeAsync(new() { NomineeId = unknown.NomineeId }).ResponseAsync,
            "history" => _system.Nominees().GetNomineeHistoryAsync(new() { NomineeId = unknown.NomineeId }).ResponseAsync,
            _ => path.Do(step, unknown),
        });

        refusal.StatusCode.ShouldBe(StatusCode.NotFound);
        refusal.Resource()!.ResourceName.ShouldBe(unknown.NomineeId);
    }

    [Fact]
    public async Task An_empty_request_to_every_RPC_is_refused_as_the_caller_s_mistake_never_an_internal_error()
    {
        var client = _system.Nominees();
        var calls = new Func<Task>[]
        {
            () => client.NominateOfficerAsync(new()).ResponseAsync, () => client.GetNomineeAsync(new()).ResponseAsync,
            () => client.GetNomineeHistoryAsync(new()).ResponseAsync, () => client.WithdrawNominationAsync(new()).ResponseAsync,
            () => client.StartBackgroundInvestigationAsync(new()).ResponseAsync, () => client.RecordBackgroundResultAsync(new()).ResponseAsync,
            () => client.EnrollInTrainingAsync(new()).ResponseAsync, () => client.RecordExamResultAsync(new()).ResponseAsync,
            () => client.CertifyOfficerAsync(new()).ResponseAsync, () => client.IssueAuthorizationAsync(new()).ResponseAsync,
            () => client.SuspendAuthorizationAsync(new()).ResponseAsync, () => client.ReinstateAuthorizationAsync(new()).ResponseAsync,
            () => client.RevokeAuthorizationAsync(new()).ResponseAsync, () => client.RecordRefresherTrainingAsync(new()).ResponseAsync,
        };
        foreach (var call in calls)
        {
            var refusal = await Should.ThrowAsync<RpcException>(call);
            refusal.StatusCode.ShouldBe(StatusCode.InvalidArgument);
            refusal.BadFields().ShouldNotBeEmpty();
        }
        // The two with nothing required answer.
        (await client.ListNomineesAsync(new())).ShouldNotBeNull();
        (await client.ListTrainingCoursesAsync(new())).Courses.ShouldNotBeEmpty();
    }
}
