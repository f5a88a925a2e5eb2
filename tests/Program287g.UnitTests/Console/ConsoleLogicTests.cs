extern alias StaffConsole;

using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Errors;
using StaffConsole::Program287g.Console.Components;
using StaffConsole::Program287g.Console.Services;
using StaffConsole::Program287g.Console.SignIn;

namespace Program287g.UnitTests.Console;

/// <summary>The console's pure parts: paging with tokens, reading a service's refusal, the development sign-in's rules,
/// who a token says the person is, and how values are written.</summary>
public sealed class ConsoleLogicTests
{
    [Fact]
    public void A_page_trail_goes_forward_with_the_services_tokens_back_to_the_earlier_ones_and_restarts_on_new_filters()
    {
        var trail = new PageTrail { Next = "t2" };
        trail.HasEarlier.ShouldBeFalse();

        trail.Forward();
        trail.Current.ShouldBe("t2");
        trail.PageNumber.ShouldBe(2);
        trail.HasNext.ShouldBeFalse("the next token is the service's answer for this page, not yet known");
        trail.Next = "t3";
        trail.Forward();
        trail.Back();

        trail.Current.ShouldBe("t2");
        trail.PageNumber.ShouldBe(2);
        trail.Back();
        trail.Current.ShouldBe("");
        trail.Next = "again";
        trail.Restart();
        (trail.Current, trail.Next, trail.PageNumber).ShouldBe(("", "", 1));
    }

    [Fact]
    public void Forward_on_the_last_page_stays_there()
    {
        var trail = new PageTrail();
        trail.Forward();
        trail.PageNumber.ShouldBe(1);
    }

    [Fact]
    public void A_refusal_keeps_each_bad_field_with_the_services_words_and_joins_two_words_for_one_field()
    {
        var exception = RpcErrors.InvalidArgument(
        [
            new FieldError("ice_signature.signed_on", "must not be in the future"),
            new FieldError("ice_signature.signed_on", "must not be before the agency signed"),
            new FieldError("reason", "is required"),
        ]);

        var problem = ServiceProblem.From(exception);

        problem.Code.ShouldBe(StatusCode.InvalidArgument);
        problem.For("ice_signature.signed_on").ShouldBe("must not be in the future must not be before the agency signed");
        problem.Has("reason").ShouldBeTrue();
        problem.For("agreement_id").ShouldBeNull();
        problem.FieldsOtherThan(["reason"]).Select(field => field.Key).ShouldBe(["ice_signature.signed_on"]);
        problem.Heading.ShouldBe("Some fields need correcting");
    }

    [Fact]
    public void A_refusal_without_details_is_its_status_and_message()
    {
        var problem = ServiceProblem.From(new RpcException(new Grpc.Core.Status(StatusCode.PermissionDenied, "An agency user may only act on its own agency's records.")));

        problem.Fields.ShouldBeEmpty();
        problem.Message.ShouldBe("An agency user may only act on its own agency's records.");
        problem.Heading.ShouldBe("Not allowed for your role or agency");
    }

    [Theory]
    [InlineData("", "program-staff", null, "Name")]
    [InlineData("someone", "internal-system", null, "Role")]
    [InlineData("someone", "agency-user", null, "Agency")]
    [InlineData("someone", "agency-user", "not-a-uuid", "Agency")]
    public void The_development_sign_in_names_the_field_that_is_wrong(string name, string role, string? agencyId, string field) =>
        DevelopmentSignIn.Problem(name, role, agencyId).ShouldNotBeNull().ShouldStartWith($"{field}:");

    [Fact]
    public void Staff_need_no_agency_and_an_agency_user_names_one()
    {
        DevelopmentSignIn.Problem("staff", Roles.ProgramStaff, null).ShouldBeNull();
        DevelopmentSignIn.Problem("officer", Roles.AgencyUser, Guid.NewGuid().ToString()).ShouldBeNull();
    }

    [Fact]
    public void The_person_is_who_their_token_says_read_as_the_services_read_it_with_the_cookie_ending_with_the_token()
    {
        var settings = new TokenSettings { SigningKey = new string('k', 40) };
        var agencyId = Guid.NewGuid().ToString();
        var token = TokenIssuer.Issue(settings, "officer@agency", Roles.AgencyUser, agencyId, TimeSpan.FromMinutes(30));

        var person = ConsolePrincipal.FromAccessToken(token, settings, "Officer Name");

        person.Principal.FindFirst(ClaimNames.Role)!.Value.ShouldBe(Roles.AgencyUser);
        person.Principal.FindFirst(ClaimNames.AgencyId)!.Value.ShouldBe(agencyId);
        person.Principal.Identity!.Name.ShouldBe("Officer Name");
        person.Principal.FindFirst(ConsoleSignIn.AccessTokenClaim)!.Value.ShouldBe(token);
        person.ExpiresAt.ShouldBe(DateTimeOffset.UtcNow.AddMinutes(30), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void Values_are_written_in_words_and_moments_in_eastern_time()
    {
        Labels.Of(StaffConsole::Program287g.Nominee.V1.NomineeStatus.BackgroundInProgress).ShouldBe("Background in progress");
        Labels.Of(StaffConsole::Program287g.Nominee.V1.NomineeStatus.Unspecified).ShouldBe("—");
        Labels.Model(StaffConsole::Program287g.Agreement.V1.Model.Tfm).ShouldBe("TFM");
        Labels.When(Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 7, 1, 16, 30, 0, TimeSpan.Zero))).ShouldBe("2026-07-01 12:30 ET");
        Labels.When(Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 1, 16, 30, 0, TimeSpan.Zero))).ShouldBe("2026-12-01 11:30 ET");
        Labels.Date(new Google.Type.Date { Year = 2026, Month = 3, Day = 9 }).ShouldBe("2026-03-09");
    }
}
