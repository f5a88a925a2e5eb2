using Program287g.Agency.V1;

namespace Program287g.Agency.Domain;

/// <summary>Reads an agency's kind from its name and ICE's type, for ICE's lists, which give no kind. The name
/// decides when it says what the agency is; otherwise the type does: a County agency is a sheriff's office, a
/// Municipality a police department, a State Agency state law enforcement.</summary>
public static class AgencyKinds
{
    public static AgencyKind Infer(string name, AgencyType type) => FromName(new NameWords(name), type) ?? FromType(type);

    public static AgencyKind FromType(AgencyType type) => type switch
    {
        AgencyType.County => AgencyKind.SheriffsOffice,
        AgencyType.Municipality => AgencyKind.PoliceDepartment,
        AgencyType.StateAgency => AgencyKind.StateLawEnforcement,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "An agency type is needed to infer a kind."),
    };

    // First match wins, most specific first: "Pennsylvania State Constables Office" is a constable's office, not the
    // state police; "Florida Department of Highway Safety and Motor Vehicles, Division of Highway Patrol" is the state
    // police, not a police department.
    private static AgencyKind? FromName(NameWords name, AgencyType type)
    {
        if (name.Has("SHERIFF"))
        {
            return AgencyKind.SheriffsOffice;
        }
        // "Coolspring Township Constbales Office": ICE's own spelling.
        if (name.Has("CONSTAB", "CONSTBAL"))
        {
            return AgencyKind.ConstablesOffice;
        }
        // A fire marshal investigates fires for a state or county; "Marshall" is a place name.
        if (name.HasWord("MARSHAL", "MARSHALS") && !name.HasPhrase("FIRE MARSHAL", "FIRE MARSHALS"))
        {
            return AgencyKind.MarshalsOffice;
        }
        if (name.Has("STATE POLICE", "HIGHWAY PATROL", "STATE PATROL", "STATE TROOPER"))
        {
            return AgencyKind.StatePolice;
        }
        if (name.Has("POLICE"))
        {
            return AgencyKind.PoliceDepartment;
        }
        if (name.Has("CORRECTION") || name.HasWord("DOC"))
        {
            // "Jackson County Correctional Facility" is a jail; "Orange County Corrections Department" runs one.
            return name.HasWord("FACILITY", "CENTER", "CENTRE", "INSTITUTION") ? AgencyKind.Jail : AgencyKind.DepartmentOfCorrections;
        }
        // A Florida board of county commissioners is on ICE's lists as the operator of its county's jail
        // (Fla. Stat. 908.11), as is Oklahoma's "Okmulgee County Criminal Justice Authority".
        if (name.Has("JAIL", "DETENTION", "CRIMINAL JUSTICE AUTHORITY", "BOARD OF COUNTY COMMISSIONERS"))
        {
            return AgencyKind.Jail;
        }
        // A state's department of public safety is its state police (Georgia, Iowa, Oklahoma; Tennessee's
        // "Department of Safety"); a town's is its police department.
        if (name.Has("PUBLIC SAFETY") || (type == AgencyType.StateAgency && name.Has("DEPARTMENT OF SAFETY", "DEPT OF SAFETY")))
        {
            return type == AgencyType.StateAgency ? AgencyKind.StatePolice : AgencyKind.PoliceDepartment;
        }
        // A Florida university's board of trustees signs for the university's police department, which is how ICE
        // lists most of the others ("University of Florida Police Department").
        if (name.Has("UNIVERSITY", "COLLEGE") && name.Has("BOARD OF TRUSTEES"))
        {
            return AgencyKind.PoliceDepartment;
        }
        // Bodies that enforce state law whatever ICE types them as ("Louisiana Alcohol and Tobacco Control" is
        // listed as a Municipality, "Luzerne County District Attorney's Office" as a County).
        if (name.Has("ALCOHOL", "TOBACCO", "WILDLIFE", "ATTORNEY GENERAL", "DISTRICT ATTORNEY", "BUREAU OF INVESTIGATION",
                "NATIONAL GUARD", "STATE GUARD"))
        {
            return AgencyKind.StateLawEnforcement;
        }
        return null;
    }
}
