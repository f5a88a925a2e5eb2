using Program287g.Nominee;
using Program287g.Nominee.Grpc;
using Program287g.Audit;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNomineeServices();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapGrpcService<NomineeGrpcService>();
app.MapAuditService();
app.MapDefaultEndpoints();
app.Run();
