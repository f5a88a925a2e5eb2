namespace Program287g;

/// <summary>The names the AppHost gives its resources and the services use to find them: one list for both,
/// so a connection string or a service address cannot drift (the AppHost compiles this file in by link).</summary>
public static class ResourceNames
{
    public const string Postgres = "postgres";
    public const string AgencyDatabase = "agencydb";
    public const string AgreementDatabase = "agreementdb";
    public const string NomineeDatabase = "nomineedb";
    public const string NotificationDatabase = "notificationdb";
    public const string Messaging = "messaging";
    public const string Smtp = "smtp";
    /// <summary>The 287(g) program's mailbox, an IMAP server: imap://user:password@host:port/INBOX (imaps:// with TLS).</summary>
    public const string Mailbox = "mailbox";

    public const string AgencyService = "agency";
    public const string AgreementService = "agreement";
    public const string NomineeService = "nominee";
    public const string NotificationService = "notification";

    /// <summary>The staff console: a web application, a client of the four services.</summary>
    public const string Console = "console";

    /// <summary>Each service exposes gRPC (HTTP/2 only) and a plain HTTP/1.1 endpoint for /health and /alive:
    /// without TLS, Kestrel cannot offer both protocols on one port.</summary>
    public const string GrpcEndpoint = "grpc";
    public const string HttpEndpoint = "http";

    public const string JwtSigningKeyParameter = "jwt-signing-key";

    public static readonly IReadOnlyList<string> Databases =
        [AgencyDatabase, AgreementDatabase, NomineeDatabase, NotificationDatabase];
}
