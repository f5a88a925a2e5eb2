using Program287g.Agency.Domain;
using Program287g.Agency.V1;
using Program287g.IceLists;
using Program287g.Testing;
using Program287g.UnitTests.IceLists;

namespace Program287g.UnitTests;

public class AgencyKindInferenceTests
{
    // Names as ICE's lists print them, typos and all.
    [Theory]
    [InlineData("Harris County Sheriff's Office", AgencyType.County, AgencyKind.SheriffsOffice)]
    [InlineData("Walker County Sheriff’s Department", AgencyType.County, AgencyKind.SheriffsOffice)]
    [InlineData("Jacksonville Sheriff's Office", AgencyType.County, AgencyKind.SheriffsOffice)]
    [InlineData("Marshall County Sheriff's Office", AgencyType.County, AgencyKind.SheriffsOffice)]
    [InlineData("Neptune Beach Police Department", AgencyType.County, AgencyKind.PoliceDepartment)]
    [InlineData("Alachua Police Departent ", AgencyType.County, AgencyKind.PoliceDepartment)]
    [InlineData("Florida Gulf Coast University Police Department", AgencyType.StateAgency, AgencyKind.PoliceDepartment)]
    [InlineData("Florida Southwestern State College Police Department", AgencyType.StateAgency, AgencyKind.PoliceDepartment)]
    [InlineData("University of Central Florida Board of Trustees", AgencyType.StateAgency, AgencyKind.PoliceDepartment)]
    [InlineData("Florida A&M University Board of Trustees", AgencyType.StateAgency, AgencyKind.PoliceDepartment)]
    [InlineData("Daytona Beach Shores Public Safety", AgencyType.Municipality, AgencyKind.PoliceDepartment)]
    [InlineData("Indian Creek Village Department of Public Safety", AgencyType.Municipality, AgencyKind.PoliceDepartment)]
    [InlineData("Georgia Department of Public Safety", AgencyType.StateAgency, AgencyKind.StatePolice)]
    [InlineData("Iowa Dept. of Public Safety", AgencyType.StateAgency, AgencyKind.StatePolice)]
    [InlineData("Tennessee Department of Safety and Homeland Security ", AgencyType.StateAgency, AgencyKind.StatePolice)]
    [InlineData("Idaho State Police Department ", AgencyType.StateAgency, AgencyKind.StatePolice)]
    [InlineData("Virginia Department of State Police", AgencyType.StateAgency, AgencyKind.StatePolice)]
    [InlineData("Missouri Highway Patrol", AgencyType.StateAgency, AgencyKind.StatePolice)]
    [InlineData("Florida Department of Highway Safety and Motor Vehicles, Division of Highway Patrol", AgencyType.StateAgency, AgencyKind.StatePolice)]
    [InlineData("Nebraska State Patrol", AgencyType.StateAgency, AgencyKind.StatePolice)]
    [InlineData("Florida Department of Corrections", AgencyType.StateAgency, AgencyKind.DepartmentOfCorrections)]
    [InlineData("Virginia DOC Law Enforcement Services", AgencyType.StateAgency, AgencyKind.DepartmentOfCorrections)]
    [InlineData("West Virginia Division of Corrections and Rehabilitation", AgencyType.StateAgency, AgencyKind.DepartmentOfCorrections)]
    [InlineData("Orange County Corrections Department", AgencyType.County, AgencyKind.DepartmentOfCorrections)]
    [InlineData("Miami Dade Corrections and Rehabilitation", AgencyType.County, AgencyKind.DepartmentOfCorrections)]
    [InlineData("Jackson County Correctional Facility", AgencyType.County, AgencyKind.Jail)]
    [InlineData("Bullitt County Detention Center", AgencyType.County, AgencyKind.Jail)]
    [InlineData("Albemarle District Jail", AgencyType.County, AgencyKind.Jail)]
    [InlineData("Southwest Virginia Regional Jail Authority", AgencyType.StateAgency, AgencyKind.Jail)]
    [InlineData("Escambia County Board of County Commissioners", AgencyType.County, AgencyKind.Jail)]
    [InlineData("Okmulgee County Criminal Justice Authority", AgencyType.County, AgencyKind.Jail)]
    [InlineData("Marshal's Office of Hope", AgencyType.Municipality, AgencyKind.MarshalsOffice)]
    [InlineData("Marshall Police Department", AgencyType.Municipality, AgencyKind.PoliceDepartment)]
    [InlineData("Louisiana Office of the State Fire Marshal", AgencyType.StateAgency, AgencyKind.StateLawEnforcement)]
    [InlineData("Derry Township Constable's Office", AgencyType.Municipality, AgencyKind.ConstablesOffice)]
    [InlineData("Greene Township Constables's Office", AgencyType.County, AgencyKind.ConstablesOffice)]
    [InlineData("Coolspring Township Constbales Office", AgencyType.County, AgencyKind.ConstablesOffice)]
    [InlineData("Pennsylvania State Constables Office Cambria County", AgencyType.County, AgencyKind.ConstablesOffice)]
    [InlineData("Louisiana Alcohol and Tobacco Control", AgencyType.Municipality, AgencyKind.StateLawEnforcement)]
    [InlineData("Luzerne County District Attorney's Office", AgencyType.County, AgencyKind.StateLawEnforcement)]
    [InlineData("Florida Fish and Wildlife Conservation Commission", AgencyType.StateAgency, AgencyKind.StateLawEnforcement)]
    [InlineData("Florida Department of Agriculture and Consumer Services", AgencyType.StateAgency, AgencyKind.StateLawEnforcement)]
    [InlineData("Florida Department of Law Enforcement", AgencyType.StateAgency, AgencyKind.StateLawEnforcement)]
    [InlineData("Texas National Guard", AgencyType.StateAgency, AgencyKind.StateLawEnforcement)]
    public void The_name_says_what_kind_of_agency_it_is(string name, AgencyType type, AgencyKind kind) =>
        AgencyKinds.Infer(name, type).ShouldBe(kind);

    [Theory]
    [InlineData(AgencyType.County, AgencyKind.SheriffsOffice)]
    [InlineData(AgencyType.Municipality, AgencyKind.PoliceDepartment)]
    [InlineData(AgencyType.StateAgency, AgencyKind.StateLawEnforcement)]
    public void A_name_that_does_not_say_leaves_the_kind_to_ices_type(AgencyType type, AgencyKind kind) =>
        AgencyKinds.Infer("Town of Springfield", type).ShouldBe(kind);

    [Fact]
    public void Without_a_type_there_is_nothing_to_infer_from() =>
        Should.Throw<ArgumentOutOfRangeException>(() => AgencyKinds.Infer("Town of Springfield", AgencyType.Unspecified));

    [RealIceDataFact]
    public void Every_agency_on_ices_lists_gets_the_kind_its_name_or_type_gives()
    {
        var kinds = RealIceLists.AllRows().Select(row => (Name: row.AgencyName, Type: row.Type.Text())).Distinct()
            .Select(a => (a.Name, a.Type, Kind: AgencyKinds.Infer(a.Name, TypeOf(a.Type)))).ToList();
        bool Says(string name, string words) => name.Contains(words, StringComparison.OrdinalIgnoreCase);

        kinds.Where(a => Says(a.Name, "Sheriff") && a.Kind != AgencyKind.SheriffsOffice).ShouldBeEmpty();
        kinds.Where(a => Says(a.Name, "Constable") && a.Kind != AgencyKind.ConstablesOffice).ShouldBeEmpty();
        kinds.Where(a => (Says(a.Name, "Highway Patrol") || Says(a.Name, "State Police")) && a.Kind != AgencyKind.StatePolice).ShouldBeEmpty();
        kinds.Where(a => Says(a.Name, "Police") && !Says(a.Name, "State Police") && a.Kind != AgencyKind.PoliceDepartment).ShouldBeEmpty();
        kinds.Where(a => Says(a.Name, "Department of Corrections") && a.Kind != AgencyKind.DepartmentOfCorrections).ShouldBeEmpty();
        kinds.Where(a => (Says(a.Name, "Detention") || Says(a.Name, "Jail")) && a.Kind != AgencyKind.Jail).ShouldBeEmpty();
        // Nothing ICE types as a State Agency comes out a sheriff's office, and ICE lists no marshal's office.
        kinds.Where(a => a.Type == "State Agency" && a.Kind == AgencyKind.SheriffsOffice).ShouldBeEmpty();
        kinds.Where(a => a.Kind == AgencyKind.MarshalsOffice).ShouldBeEmpty();
    }

    private static AgencyType TypeOf(string iceType) => iceType switch
    {
        "County" => AgencyType.County,
        "Municipality" => AgencyType.Municipality,
        "State Agency" => AgencyType.StateAgency,
        _ => throw new ArgumentOutOfRangeException(nameof(iceType), iceType, null),
    };
}
