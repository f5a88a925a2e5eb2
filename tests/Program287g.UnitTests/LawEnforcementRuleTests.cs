using Program287g.Agency.Domain;
using Program287g.Agency.Grpc;
using Program287g.Agency.V1;
using Program287g.ServiceDefaults.Grpc;
using Program287g.Testing;
using Program287g.UnitTests.IceLists;

namespace Program287g.UnitTests;

public class LawEnforcementRuleTests
{
    static LawEnforcementRuleTests()
    {
        // The services install the proto field-name resolver at start-up; do the same here.
        new Microsoft.Extensions.Hosting.HostApplicationBuilder().AddGrpcServerDefaults();
    }

    [Theory]
    [InlineData("CoreCivic, Inc.", "a private company")]
    [InlineData("The GEO Group, Inc.", "a private company")]
    [InlineData("Management & Training Corporation", "a private company")]
    [InlineData("Corrections Corporation of America", "a private company")]
    [InlineData("LaSalle Corrections, LLC", "a private company")]
    [InlineData("Acme Security L.L.C.", "a private company")]
    [InlineData("Acme Detention Corp", "a private company")]
    [InlineData("Acme Holdings Ltd", "a private company")]
    [InlineData("Acme Partners LP", "a private company")]
    [InlineData("Acme Transport Company", "a private company")]
    [InlineData("Acme Co.", "a private company")]
    [InlineData("Smith & Co", "a private company")]
    [InlineData("Houston Independent School District", "a school district")]
    [InlineData("Dallas ISD", "a school district")]
    [InlineData("Fulton County Schools", "a school district")]
    [InlineData("Fulton County Board of Education", "a school district")]
    [InlineData("Polk County School Board", "a school district")]
    [InlineData("Lincoln High School", "a school")]
    [InlineData("Memorial Hermann Hospital", "a hospital")]
    [InlineData("Parkland Health System", "a hospital")]
    [InlineData("Grady Memorial Medical Center", "a hospital")]
    [InlineData("First Baptist Church of Dallas", "a church")]
    [InlineData("Catholic Diocese of Austin", "a church")]
    [InlineData("Greater Houston Chamber of Commerce", "a chamber of commerce")]
    public void A_name_that_plainly_names_no_law_enforcement_agency_is_refused_saying_what_it_names(string name, string body) =>
        LawEnforcementRule.Refusal(name).ShouldBe($"only law enforcement agencies may take part in 287(g): '{name}' names {body}.");

    [Theory]
    [InlineData("Harris County Sheriff's Office")]
    [InlineData("Harris Co. Sheriff's Office")]
    [InlineData("Harris Co. Detention Center")]
    [InlineData("University of Texas Police Department")]
    [InlineData("Houston Independent School District Police Department")]
    [InlineData("Dallas ISD Police")]
    [InlineData("Miami-Dade Schools Police Department")]
    [InlineData("Memorial Hospital Police Department")]
    [InlineData("Grady Health System Public Safety")]
    [InlineData("School District Law Enforcement Unit")]
    [InlineData("Chambers County Sheriff's Office")]
    [InlineData("Falls Church City Jail")]
    [InlineData("Marshall County Jail")]
    [InlineData("Florida A&M University Board of Trustees")]
    [InlineData("Escambia County Board of County Commissioners")]
    [InlineData("Plaquemines Parish Detention Center")]
    [InlineData("Sarpy County Department of Corrections")]
    [InlineData("Florida National Guard")]
    public void A_law_enforcement_agency_or_a_name_that_also_names_one_is_accepted(string name) =>
        LawEnforcementRule.Refusal(name).ShouldBeNull();

    [Fact]
    public void Corrections_does_not_make_a_private_company_a_law_enforcement_agency() =>
        LawEnforcementRule.Refusal("Acme Corrections Inc").ShouldNotBeNull();

    [Fact]
    public void Registering_and_updating_refuse_such_a_name_on_the_name_field()
    {
        var contact = new PointOfContact { Name = "Jo Doe", Email = "jo.doe@example.gov" };
        var registration = new RegisterAgencyRequest
        {
            Name = "The GEO Group, Inc.", State = "FL", Type = AgencyType.County, Kind = AgencyKind.Jail, PointOfContact = contact,
        };
        var update = new UpdateAgencyRequest
        {
            AgencyId = Guid.NewGuid().ToString(), Version = 1, Name = "Dallas ISD", State = "TX", Type = AgencyType.Municipality,
            Kind = AgencyKind.PoliceDepartment, PointOfContact = contact,
        };

        var refused = new RegisterAgencyValidator().Validate(registration).Errors.ShouldHaveSingleItem();
        refused.PropertyName.ShouldBe("name");
        refused.ErrorMessage.ShouldBe("only law enforcement agencies may take part in 287(g): 'The GEO Group, Inc.' names a private company.");
        new UpdateAgencyValidator().Validate(update).Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("name");
    }

    [Fact]
    public void Resolving_refuses_such_a_name_on_the_listed_agencys_name_field()
    {
        var request = new ResolveAgenciesRequest();
        request.Agencies.Add(new ListedAgency { Name = "Polk County Sheriff's Office", State = "FL", Type = AgencyType.County });
        request.Agencies.Add(new ListedAgency { Name = "CoreCivic, Inc.", State = "TN", Type = AgencyType.County });
        request.Agencies.Add(new ListedAgency { Name = "Dallas ISD", State = "TX", Type = AgencyType.Municipality });

        var refused = new ResolveAgenciesValidator().Validate(request).Errors;

        refused.Select(e => e.PropertyName).ShouldBe(["agencies[1].name", "agencies[2].name"]);
        refused[0].ErrorMessage.ShouldContain("'CoreCivic, Inc.' names a private company");
        refused[1].ErrorMessage.ShouldContain("'Dallas ISD' names a school district");
    }

    [RealIceDataFact]
    public void No_agency_on_ices_published_lists_is_refused()
    {
        var names = RealIceLists.AllRows().Select(row => row.AgencyName).Distinct().ToList();

        names.Count.ShouldBeGreaterThan(600);
        names.Where(name => LawEnforcementRule.Refusal(name) is not null).ShouldBeEmpty();
    }
}
