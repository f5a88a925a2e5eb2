extern alias NomineeService;

using Microsoft.Extensions.Time.Testing;
using Program287g.Agreement.V1;
using Program287g.Domain;
using Program287g.Nominee.V1;
using Program287g.ServiceTests.Agreements;
using Program287g.Testing;
using AuthorizationCalendar = NomineeService::Program287g.Nominee.Terms.AuthorizationCalendar;
using NomineeServiceMarker = NomineeService::Program287g.Nominee.NomineeServiceMarker;
using ProtoDate = Google.Type.Date;

namespace Program287g.ServiceTests.Nominees;

/// <summary>The Agency, Agreement and Nominee services, each on its own fresh database, the Nominee service calling the
/// other two over gRPC through service discovery and hearing the Agreement service's events over the bus, as in the
/// AppHost. The Nominee service runs on <see cref="Clock"/>, which the tests move.</summary>
public sealed class NomineeSystem : IAsyncDisposable
{
    private NomineeSystem(AgreementSystem programs, ServiceFactory<NomineeServiceMarker> nominee, FakeTimeProvider clock)
    {
        Programs = programs;
        NomineeHost = nominee;
        Clock = clock;
    }

    /// <summary>The Agency and Agreement services the Nominee service calls.</summary>
    public AgreementSystem Programs { get; }
    public ServiceFactory<NomineeServiceMarker> NomineeHost { get; }
    public FakeTimeProvider Clock { get; }
    public TestTokens Tokens => Programs.Tokens;

    /// <summary>The service's calendar, to run a sweep at a moment the test chooses.</summary>
    public AuthorizationCalendar Calendar =>
        NomineeHost.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<AuthorizationCalendar>().Single();

    public static async Task<NomineeSystem> StartAsync(TestInfrastructure servers, IReadOnlyDictionary<string, string?>? overrides = null,
        DateTimeOffset? now = null, Action<IServiceCollection>? configureServices = null)
    {
        var programs = await AgreementSystem.StartAsync(servers);
        var clock = new FakeTimeProvider(now ?? DateTimeOffset.UtcNow);
        var settings = new Dictionary<string, string?>
        {
            [$"services:{ResourceNames.AgencyService}:{ResourceNames.GrpcEndpoint}:0"] = programs.AgencyHost.Address.ToString(),
            [$"services:{ResourceNames.AgreementService}:{ResourceNames.GrpcEndpoint}:0"] = programs.AgreementHost.Address.ToString(),
            // Its own queues: hosts of other test classes must not take its messages.
            ["Messaging:Consumers:EndpointPrefix"] = $"nominee-{Guid.NewGuid():N}",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var nominee = await servers.StartServiceAsync<NomineeServiceMarker>(ResourceNames.NomineeDatabase, programs.Tokens, settings,
            configureServices: services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                configureServices?.Invoke(services);
            });
        return new NomineeSystem(programs, nominee, clock);
    }

    public Program287g.Nominee.V1.NomineeService.NomineeServiceClient Nominees(string? token = null) => new(NomineeHost.Channel(token ?? Tokens.Staff()));

    /// <summary>The Nominee service's today: the program date of its clock.</summary>
    public DateOnly Today => ProgramTime.DateOf(Clock.GetUtcNow());

    public ProtoDate DaysAgo(int days) => Date(Today.AddDays(-days));

    public static ProtoDate Date(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    /// <summary>An agency with an agreement for <paramref name="model"/> that ICE has signed.</summary>
    public Task<Program287g.Agreement.V1.Agreement> ActiveAgreementAsync(Model model = Model.Jem, string state = "TX") =>
        Programs.ActiveAsync(model, state);

    private readonly Dictionary<Model, Program287g.Agreement.V1.Agreement> _shared = [];

    /// <summary>One active agreement per model for all the tests of a class that need no agreement of their own (each
    /// nominee has a badge of its own, so they never meet).</summary>
    public async Task<Program287g.Agreement.V1.Agreement> SharedAgreementAsync(Model model)
    {
        if (!_shared.TryGetValue(model, out var agreement))
        {
            _shared[model] = agreement = await ActiveAgreementAsync(model);
        }
        return agreement;
    }

    /// <summary>A nomination that passes every eligibility rule, with a badge number of its own.</summary>
    public static NominateOfficerRequest Nomination(Program287g.Agreement.V1.Agreement agreement, string? badge = null,
        ProtoDate? firstSworn = null, bool citizen = true, bool attests = true) => new()
    {
        AgencyId = agreement.Agency.AgencyId,
        AgreementId = agreement.AgreementId,
        Officer = new Officer
        {
            GivenName = "Jordan", MiddleName = "Q.", FamilyName = $"Rivera-{Guid.NewGuid():N}"[..14],
            BadgeNumber = badge ?? $"B-{Guid.NewGuid():N}"[..12], DateOfBirth = new ProtoDate { Year = 1985, Month = 5, Day = 17 },
            Email = "jordan.rivera@sheriff.example.gov", Phone = "+1 (713) 555-0100",
        },
        UsCitizen = citizen,
        FirstSwornOn = firstSworn ?? new ProtoDate { Year = 2012, Month = 3, Day = 1 },
        Attestation = new AgencyHeadAttestation
        {
            AttestedBy = "Sheriff Pat Example", Title = "Sheriff", AttestedOn = new ProtoDate { Year = 2026, Month = 1, Day = 5 },
            KnowsAndHasEnforcedJurisdictionLaws = attests,
        },
    };

    public async Task<Program287g.Nominee.V1.Nominee> NominateAsync(Program287g.Agreement.V1.Agreement agreement) =>
        (await Nominees().NominateOfficerAsync(Nomination(agreement))).Nominee;

    /// <summary>The events the Nominee service has written to its outbox, of one type, for one nominee, as JSON bodies.</summary>
    public async Task<List<System.Text.Json.JsonElement>> OutboxAsync(string eventType, string nomineeId)
    {
        var database = NomineeHost.Services.GetRequiredService<IConfiguration>().GetConnectionString(ResourceNames.NomineeDatabase);
        await using var connection = new Npgsql.NpgsqlConnection(database);
        return (await Dapper.SqlMapper.QueryAsync<string>(connection, """
            SELECT body::text FROM outbox_messages
            WHERE message_type LIKE 'Program287g.Contracts.Nominee.' || @eventType || ',%' AND body->'Nominee'->>'NomineeId' = @nomineeId
            ORDER BY id
            """, new { eventType, nomineeId })).Select(body => System.Text.Json.JsonDocument.Parse(body).RootElement).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await NomineeHost.DisposeAsync();
        await Programs.DisposeAsync();
    }
}

/// <summary>One <see cref="NomineeSystem"/> for all the tests of a class; each test makes agreements and nominees of its own.</summary>
public sealed class NomineeSystemFixture(TestInfrastructure servers) : IAsyncLifetime
{
    public NomineeSystem System { get; private set; } = null!;

    public async Task InitializeAsync() => System = await NomineeSystem.StartAsync(servers);

    public async Task DisposeAsync() => await System.DisposeAsync();
}
