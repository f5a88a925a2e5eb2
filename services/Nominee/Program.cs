using Program287g.Nominee;
using Program287g.Nominee.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNomineeServices();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapGrpcService<NomineeGrpcService>();
app.MapDefaultEndpoints();
app.Run();
