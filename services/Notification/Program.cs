using Program287g.Notification;
using Program287g.Notification.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNotificationServices();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapGrpcService<NotificationGrpcService>();
app.MapDefaultEndpoints();
app.Run();
