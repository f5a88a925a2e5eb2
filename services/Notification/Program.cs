using Program287g.Notification;
using Program287g.Notification.Grpc;
using Program287g.Audit;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNotificationServices();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapGrpcService<NotificationGrpcService>();
app.MapAuditService();
app.MapDefaultEndpoints();
app.Run();
