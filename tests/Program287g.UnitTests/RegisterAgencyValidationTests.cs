using FluentValidation;
using Program287g.Agency.Grpc;
using Program287g.Agency.V1;
using Program287g.ServiceDefaults.Grpc;

namespace Program287g.UnitTests;

public class RegisterAgencyValidationTests
{
    static RegisterAgencyValidationTests()
    {
        // The services install the proto field-name resolver at start-up; do the same here.
        new Microsoft.Extensions.Hosting.HostApplicationBuilder().AddGrpcServerDefaults();
    }

    private static RegisterAgencyRequest Valid() => new()
    {
        Name = "Harris County Sheriff's Office",
        State = "Texas",
        Type = AgencyType.County,
        Kind = AgencyKind.SheriffsOffice,
        County = "Harris",
        PointOfContact = new PointOfContact { Name = "Jo Doe", Email = "jo.doe@example.gov" },
    };

    [Fact]
    public void A_complete_request_is_valid() =>
        new RegisterAgencyValidator().Validate(Valid()).IsValid.ShouldBeTrue();

    [Fact]
    public void Every_bad_field_is_reported_by_its_proto_name_once()
    {
        var request = new RegisterAgencyRequest { Name = " ", State = "Narnia", PointOfContact = new PointOfContact { Email = "not-an-email" } };
        var fields = new RegisterAgencyValidator().Validate(request).Errors.Select(e => e.PropertyName).ToList();
        fields.ShouldBe(["name", "state", "type", "kind", "point_of_contact.name", "point_of_contact.email"], ignoreOrder: true);
    }

    [Fact]
    public void A_missing_point_of_contact_is_reported_as_such()
    {
        var request = Valid();
        request.PointOfContact = null;
        new RegisterAgencyValidator().Validate(request).Errors.Select(e => e.PropertyName).ShouldBe(["point_of_contact"]);
    }

    [Fact]
    public void A_kind_outside_the_law_enforcement_kinds_is_refused_with_the_reason()
    {
        var request = Valid();
        request.Kind = (AgencyKind)99;
        var error = new RegisterAgencyValidator().Validate(request).Errors.ShouldHaveSingleItem();
        error.PropertyName.ShouldBe("kind");
        error.ErrorMessage.ShouldContain("only law enforcement agencies");
    }

    [Fact]
    public void Names_longer_than_the_limit_are_refused()
    {
        var request = Valid();
        request.Name = new string('A', AgencyDetailsValidator.MaxNameLength + 1);
        new RegisterAgencyValidator().Validate(request).Errors.Single().PropertyName.ShouldBe("name");
    }

    [Theory]
    [InlineData("PointOfContact", "point_of_contact")]
    [InlineData("AgencyId", "agency_id")]
    [InlineData("Name", "name")]
    [InlineData("MOA2Signed", "moa2_signed")]
    public void Member_names_become_proto_field_names(string member, string field) =>
        GrpcServerDefaults.ToSnakeCase(member).ShouldBe(field);

    [Fact]
    public void The_validator_cascade_stops_at_the_first_failure_of_a_rule() =>
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode.ShouldBe(CascadeMode.Stop);
}
