using Program287g.Agency;
using Program287g.Agency.Grpc;
using Program287g.Audit;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAgencyServices();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapGrpcService<AgencyGrpcService>();
app.MapAuditService();
app.MapDefaultEndpoints();
app.Run();
