using Program287g.Agreement;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAgreementServices();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.Run();
