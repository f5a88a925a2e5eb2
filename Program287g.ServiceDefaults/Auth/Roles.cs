namespace Program287g.ServiceDefaults.Auth;

/// <summary>Who may call: the three kinds of caller the program has.</summary>
public static class Roles
{
    /// <summary>ICE 287(g) program staff: may act on any agency's records.</summary>
    public const string ProgramStaff = "program-staff";

    /// <summary>A user of one law enforcement agency: scoped to that agency by the agency claim (Auth:AgencyClaim).</summary>
    public const string AgencyUser = "agency-user";

    /// <summary>Another internal system (or one of our own services) calling machine to machine.</summary>
    public const string InternalSystem = "internal-system";

    public static readonly IReadOnlyList<string> All = [ProgramStaff, AgencyUser, InternalSystem];
}

/// <summary>The claims the development tokens carry; the role and agency ones are Auth:RoleClaim and Auth:AgencyClaim's
/// defaults.</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string AgencyId = "agency_id";

    /// <summary>OIDC's authorized party: the client the token was issued to (e.g. "program287g-cli").</summary>
    public const string AuthorizedParty = "azp";
}
