using Program287g.Agreement;
using Program287g.Agreement.Grpc;
using Program287g.Audit;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAgreementServices();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapGrpcService<AgreementGrpcService>();
app.MapAuditService();
app.MapDefaultEndpoints();
app.Run();
