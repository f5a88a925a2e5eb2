using Program287g;
using Program287g.AppHost;
using Program287g.AppHost.Infrastructure;

// The whole system as one picture: PostgreSQL (a database per service), RabbitMQ, an SMTP server with a web UI,
// the program mailbox (IMAP), the four gRPC services with their references and wait-fors, and the staff console. Where the servers come from (containers,
// native processes or external connection strings) is decided by Infrastructure:Mode; see Infrastructure/.
var builder = DistributedApplication.CreateBuilder(args);

var infrastructure = builder.AddProgram287gInfrastructure();
var signingKey = builder.AddParameter(ResourceNames.JwtSigningKeyParameter,
    new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true, persist: true);
var ports = new ServicePorts(builder.Configuration);

var agency = builder.AddGrpcService<Projects.Program287g_Agency>(ResourceNames.AgencyService, ports, signingKey)
    .WithServiceDatabase(infrastructure, ResourceNames.AgencyDatabase)
    .WithMessaging(infrastructure);

var agreement = builder.AddGrpcService<Projects.Program287g_Agreement>(ResourceNames.AgreementService, ports, signingKey)
    .WithServiceDatabase(infrastructure, ResourceNames.AgreementDatabase)
    .WithMessaging(infrastructure)
    .WithReference(agency);

var nominee = builder.AddGrpcService<Projects.Program287g_Nominee>(ResourceNames.NomineeService, ports, signingKey)
    .WithServiceDatabase(infrastructure, ResourceNames.NomineeDatabase)
    .WithMessaging(infrastructure)
    .WithReference(agency)
    .WithReference(agreement);

var notification = builder.AddGrpcService<Projects.Program287g_Notification>(ResourceNames.NotificationService, ports, signingKey)
    .WithServiceDatabase(infrastructure, ResourceNames.NotificationDatabase)
    .WithMessaging(infrastructure)
    .WithSmtp(infrastructure)
    .WithSmtpDeliveryCheck(infrastructure)
    .WithMailbox(infrastructure)
    .WithReference(agency)
    .WithReference(agreement)
    .WithReference(nominee);

builder.AddStaffConsole<Projects.Program287g_Console>(ports, signingKey, agency, agreement, nominee, notification);

builder.Build().Run();
