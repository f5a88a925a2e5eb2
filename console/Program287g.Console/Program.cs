using MudBlazor.Services;
using Program287g.Console.Components;
using Program287g.Console.Services;
using Program287g.Console.SignIn;
using Program287g.ServiceDefaults;

// The staff console: Blazor interactive server pages over the four services' gRPC APIs. Every call carries the
// signed-in person's token, so the services decide what each person may see and do; the console keeps no data.
var builder = WebApplication.CreateBuilder(args);
// Static web assets (MudBlazor's, the framework's) come from the build's manifest in every environment a build runs in
// (the AppHost starts the console as Production in tests); a published console has them in wwwroot instead.
builder.WebHost.UseStaticWebAssets();

builder.ConfigureOpenTelemetry();
builder.AddDefaultHealthChecks();
builder.Services.AddServiceDiscovery();
builder.Services.ConfigureHttpClientDefaults(http => http.AddServiceDiscovery());

builder.AddConsoleSignIn();
builder.Services.AddServiceClients();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found");
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

// Scripts and styles need no sign-in: the sign-in page itself uses them.
app.MapStaticAssets().AllowAnonymous();
app.MapHealthChecks(Extensions.HealthEndpointPath).AllowAnonymous();
app.MapHealthChecks(Extensions.AlivenessEndpointPath, new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
{
    Predicate = registration => registration.Tags.Contains(HealthTags.Live),
}).AllowAnonymous();
app.MapSignInEndpoints();
app.MapDownloadEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>For WebApplicationFactory in tests.</summary>
public partial class Program;
