using Program287g.Domain;

namespace Program287g.UnitTests;

public class AgencyNamingTests
{
    [Theory]
    [InlineData("TX", "TX")]
    [InlineData("tx", "TX")]
    [InlineData("Texas", "TX")]
    [InlineData("GEORGIA", "GA")]
    [InlineData("  georgia ", "GA")]
    [InlineData("New\u00A0Hampshire", "NH")]
    [InlineData("new  york", "NY")]
    [InlineData("District of Columbia", "DC")]
    [InlineData("Puerto Rico", "PR")]
    public void A_state_is_accepted_as_a_code_or_a_full_name_in_any_case(string input, string code) =>
        UsStates.ToCode(input).ShouldBe(code);

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("XX")]
    [InlineData("Narnia")]
    [InlineData("Tex")]
    public void Anything_else_is_not_a_state(string? input) => UsStates.ToCode(input).ShouldBeNull();

    [Theory]
    [InlineData("Harris County Sheriff's Office", "HARRIS COUNTY SHERIFFS OFFICE")]
    [InlineData("  HARRIS  county sheriff’s office ", "HARRIS COUNTY SHERIFFS OFFICE")]
    [InlineData("Harris\u00A0County Sheriff's Office", "HARRIS COUNTY SHERIFFS OFFICE")]
    [InlineData("Miami-Dade Police Department", "MIAMI DADE POLICE DEPARTMENT")]
    [InlineData("Florida Dept. of Corrections", "FLORIDA DEPT OF CORRECTIONS")]
    public void Names_that_differ_only_in_case_spacing_or_punctuation_normalize_alike(string name, string normalized) =>
        AgencyName.Normalize(name).ShouldBe(normalized);
}
