using Program287g.Agency;
using Program287g.Agency.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAgencyServices();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapGrpcService<AgencyGrpcService>();
app.MapDefaultEndpoints();
app.Run();
