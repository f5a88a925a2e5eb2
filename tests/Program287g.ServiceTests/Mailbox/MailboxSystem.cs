extern alias AgreementService;
extern alias NotificationService;

using MimeKit;
using Program287g.Agency.V1;
using Program287g.Notification.V1;
using Program287g.ServiceTests.Notifications;
using Program287g.Testing;
using AgreementServiceMarker = AgreementService::Program287g.Agreement.AgreementServiceMarker;
using IntakeCheckpoint = NotificationService::Program287g.Notification.Mailbox.IntakeCheckpoint;

namespace Program287g.ServiceTests.Mailbox;

/// <summary>The program mailbox as it runs: a real Dovecot of its own, the Notification service reading it (with the
/// Agency service it asks who a sender is, and the shared smtp4dev it sends through) and the Agreement service that
/// makes the applications, all on real PostgreSQL and RabbitMQ.</summary>
public sealed class MailboxSystem : IAsyncDisposable
{
    private readonly string _agreementPrefix;

    private MailboxSystem(TestImapServer imap, NotificationSystem notifications, ServiceFactory<AgreementServiceMarker> agreement,
        string agreementPrefix)
    {
        Imap = imap;
        Notifications = notifications;
        AgreementHost = agreement;
        _agreementPrefix = agreementPrefix;
    }

    public TestImapServer Imap { get; }
    public NotificationSystem Notifications { get; }
    public ServiceFactory<AgreementServiceMarker> AgreementHost { get; }

    public static async Task<MailboxSystem> StartAsync(TestInfrastructure servers, IntakeCheckpoint? checkpoint = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var imap = await TestImapServer.StartAsync();
        var notifications = await NotificationSystem.StartAsync(servers, HostOptions(imap, checkpoint, settings));
        var prefix = $"agreement-{Guid.NewGuid():N}";
        var agreement = await servers.StartServiceAsync<AgreementServiceMarker>(ResourceNames.AgreementDatabase, notifications.Tokens,
            new Dictionary<string, string?>
            {
                [$"services:{ResourceNames.AgencyService}:{ResourceNames.GrpcEndpoint}:0"] = notifications.AgencyHost!.Address.ToString(),
                ["Messaging:Consumers:EndpointPrefix"] = prefix,
            });
        return new MailboxSystem(imap, notifications, agreement, prefix);
    }

    /// <summary>The Notification service's settings for this mailbox: a short poll and reconnect, so a test waits seconds.</summary>
    public static NotificationHostOptions HostOptions(TestImapServer imap, IntakeCheckpoint? checkpoint = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ResourceNames.Mailbox}"] = imap.ConnectionString,
            ["Notifications:Mailbox:PollInterval"] = "00:00:02",
            ["Notifications:Mailbox:ReconnectDelay"] = "00:00:00.200",
            ["Notifications:Mailbox:MaxReconnectDelay"] = "00:00:01",
            ["Notifications:Mailbox:LeaseRetryInterval"] = "00:00:00.500",
            ["Notifications:Mailbox:LeaseCheckInterval"] = "00:00:01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        return new NotificationHostOptions
        {
            WithAgencyService = true, Settings = all,
            Services = checkpoint is null ? null : services => services.AddSingleton(checkpoint),
        };
    }

    public Program287g.Notification.V1.NotificationService.NotificationServiceClient Mailbox() => Notifications.Client();

    public Program287g.Agreement.V1.AgreementService.AgreementServiceClient Agreements() =>
        new(AgreementHost.Channel(Notifications.Tokens.Staff()));

    /// <summary>A law enforcement agency whose point of contact writes from <paramref name="contactEmail"/>.</summary>
    public async Task<Program287g.Agency.V1.Agency> RegisterAgencyAsync(string contactEmail, AgencyKind kind = AgencyKind.SheriffsOffice) =>
        (await Notifications.Agencies().RegisterAgencyAsync(new RegisterAgencyRequest
        {
            Name = $"Test County {Guid.NewGuid():N} Sheriff's Office", State = "TX", Type = AgencyType.County, Kind = kind,
            County = "Test", AgencyHead = "Sheriff Pat Example",
            PointOfContact = new PointOfContact { Name = "Pat Example", Email = contactEmail },
        })).Agency;

    /// <summary>The email's record, once the intake has it and <paramref name="until"/> holds.</summary>
    public async Task<MailboxMessage> RecordedAsync(MimeMessage email, Func<MailboxMessage, bool>? until = null, TimeSpan? timeout = null) =>
        (await Eventually.ReturnsAsync(async () =>
                (await Mailbox().ListMailboxMessagesAsync(new ListMailboxMessagesRequest { PageSize = 500 })).Messages
                .FirstOrDefault(m => m.InternetMessageId == email.MessageId),
            found => found is not null && (until?.Invoke(found) ?? true), timeout ?? TimeSpan.FromSeconds(30)))!;

    /// <summary>Every record the intake made.</summary>
    public async Task<IReadOnlyList<MailboxMessage>> AllRecordedAsync() =>
        (await Mailbox().ListMailboxMessagesAsync(new ListMailboxMessagesRequest { PageSize = 500 })).Messages;

    public async ValueTask DisposeAsync()
    {
        await AgreementHost.DisposeAsync();
        await Notifications.DisposeAsync();
        await Imap.DisposeAsync();
    }
}
