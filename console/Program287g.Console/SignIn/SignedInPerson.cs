using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Components.Authorization;
using Program287g.ServiceDefaults.Auth;

namespace Program287g.Console.SignIn;

/// <summary>The person using this circuit (or, for a download, this request): who they are to the services and the
/// token their calls carry.</summary>
public sealed class SignedInPerson(AuthenticationStateProvider authenticationState)
{
    private ClaimsPrincipal? _user;

    /// <summary>For a plain HTTP endpoint (a download), whose user is the request's rather than a circuit's.</summary>
    public void UseRequestUser(ClaimsPrincipal user) => _user = user;

    public async ValueTask<ClaimsPrincipal> UserAsync() =>
        _user ??= (await authenticationState.GetAuthenticationStateAsync()).User;

    public async ValueTask<string> AccessTokenAsync()
    {
        var user = await UserAsync();
        return user.FindFirstValue(ConsoleSignIn.AccessTokenClaim)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "Nobody is signed in to the console."));
    }

    public async ValueTask<PersonView> ViewAsync()
    {
        var user = await UserAsync();
        return new PersonView(user.FindFirstValue(ClaimTypes.Name) ?? "", user.FindFirstValue(ClaimNames.Role) ?? "",
            user.FindFirstValue(ClaimNames.AgencyId));
    }
}

/// <summary>What the pages show of the signed-in person. The console hides actions a role cannot take only as a
/// courtesy; the services refuse them whatever the console shows.</summary>
public sealed record PersonView(string Name, string Role, string? AgencyId)
{
    public bool IsStaff => Role == Roles.ProgramStaff;

    public bool IsAgencyUser => Role == Roles.AgencyUser;
}
