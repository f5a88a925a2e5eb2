namespace Program287g.Cli.Services;

/// <summary>One of the four services the tool calls: its name in messages, the variable that holds its address and the
/// AppHost's default address (Program287g.AppHost/ServicePorts.cs: gRPC on 5100 + its place).</summary>
public sealed record CliService(string Name, string UrlVariable, string DefaultUrl)
{
    public static readonly CliService Agency = new("Agency", "PROGRAM287G_AGENCY_URL", "http://localhost:5101");
    public static readonly CliService Agreement = new("Agreement", "PROGRAM287G_AGREEMENT_URL", "http://localhost:5102");
    public static readonly CliService Nominee = new("Nominee", "PROGRAM287G_NOMINEE_URL", "http://localhost:5103");
    public static readonly CliService Notification = new("Notification", "PROGRAM287G_NOTIFICATION_URL", "http://localhost:5104");
}
