using Program287g.Nominee;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNomineeServices();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.Run();
