using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Program287g;
using Program287g.ServiceDefaults.Auth;

// Prints a bearer token for calling the services by hand (buf curl -H "Authorization: Bearer $(...)").
// The signing key is the AppHost's generated jwt-signing-key parameter, read from the AppHost's user secrets
// where Aspire keeps it; --signing-key or Auth__SigningKey override that.
const string AppHostUserSecretsId = "program287g-apphost-5f0c2a7e";

var role = new Option<string>("--role")
{
    Description = $"One of: {string.Join(", ", Roles.All)}",
    DefaultValueFactory = _ => Roles.ProgramStaff,
};
role.AcceptOnlyFromAmong([.. Roles.All]);
var agency = new Option<string?>("--agency") { Description = "The agency id an agency-user token is scoped to" };
var subject = new Option<string>("--subject") { Description = "Who the token names", DefaultValueFactory = _ => Environment.UserName };
var hours = new Option<double>("--hours") { Description = "Lifetime in hours", DefaultValueFactory = _ => 8 };
var signingKey = new Option<string?>("--signing-key") { Description = "Overrides the AppHost's key" };

var command = new RootCommand("Mints a Program287g development access token.") { role, agency, subject, hours, signingKey };
command.SetAction(result =>
{
    var configuration = new ConfigurationBuilder()
        .AddUserSecrets(AppHostUserSecretsId)
        .AddEnvironmentVariables()
        .Build();
    var key = result.GetValue(signingKey)
        ?? configuration["Auth:SigningKey"]
        ?? configuration[$"Parameters:{ResourceNames.JwtSigningKeyParameter}"];
    if (string.IsNullOrWhiteSpace(key))
    {
        Console.Error.WriteLine("No signing key: start the AppHost once (./run.sh) so it generates one, or pass --signing-key.");
        return 2;
    }
    try
    {
        Console.WriteLine(TokenIssuer.Issue(new TokenSettings { SigningKey = key }, result.GetValue(subject)!,
            result.GetValue(role)!, result.GetValue(agency), TimeSpan.FromHours(result.GetValue(hours))));
        return 0;
    }
    catch (ArgumentException exception)
    {
        Console.Error.WriteLine(exception.Message);
        return 2;
    }
});
return command.Parse(args).Invoke();
