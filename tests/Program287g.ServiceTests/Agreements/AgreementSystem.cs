extern alias AgencyService;
extern alias AgreementService;

using Google.Protobuf;
using Program287g.Agency.V1;
using Program287g.Agreement.V1;
using Program287g.Testing;
using AgencyServiceMarker = AgencyService::Program287g.Agency.AgencyServiceMarker;
using AgreementServiceMarker = AgreementService::Program287g.Agreement.AgreementServiceMarker;
using ProtoDate = Google.Type.Date;

namespace Program287g.ServiceTests.Agreements;

/// <summary>The Agency service and the Agreement service, each on its own fresh database, the second calling the first
/// over gRPC through service discovery as in the AppHost.</summary>
public sealed class AgreementSystem : IAsyncDisposable
{
    private AgreementSystem(TestTokens tokens, ServiceFactory<AgencyServiceMarker> agency, ServiceFactory<AgreementServiceMarker> agreement)
    {
        Tokens = tokens;
        AgencyHost = agency;
        AgreementHost = agreement;
    }

    public TestTokens Tokens { get; }
    public ServiceFactory<AgencyServiceMarker> AgencyHost { get; }
    public ServiceFactory<AgreementServiceMarker> AgreementHost { get; }

    /// <param name="configureServices">Replaces the Agreement service's registrations, e.g. its TimeProvider with a clock
    /// the test sets.</param>
    public static async Task<AgreementSystem> StartAsync(TestInfrastructure servers, IReadOnlyDictionary<string, string?>? overrides = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var tokens = new TestTokens();
        var agency = await servers.StartServiceAsync<AgencyServiceMarker>(ResourceNames.AgencyDatabase, tokens);
        var settings = new Dictionary<string, string?>
        {
            [$"services:{ResourceNames.AgencyService}:{ResourceNames.GrpcEndpoint}:0"] = agency.Address.ToString(),
            // Its own queues: hosts of other test classes must not take its messages.
            ["Messaging:Consumers:EndpointPrefix"] = $"agreement-{Guid.NewGuid():N}",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var agreement = await servers.StartServiceAsync<AgreementServiceMarker>(ResourceNames.AgreementDatabase, tokens, settings,
            configureServices: configureServices);
        return new AgreementSystem(tokens, agency, agreement);
    }

    public Program287g.Agreement.V1.AgreementService.AgreementServiceClient Agreements(string? token = null) =>
        new(AgreementHost.Channel(token ?? Tokens.Staff()));

    public Program287g.Agency.V1.AgencyService.AgencyServiceClient Agencies(string? token = null) =>
        new(AgencyHost.Channel(token ?? Tokens.Staff()));

    /// <summary>Registers an agency with a unique name (tests share nothing).</summary>
    public async Task<Program287g.Agency.V1.Agency> RegisterAgencyAsync(string state = "TX", AgencyKind kind = AgencyKind.SheriffsOffice,
        AgencyType type = AgencyType.County, string? name = null) =>
        (await Agencies().RegisterAgencyAsync(new RegisterAgencyRequest
        {
            Name = name ?? $"Test County {Guid.NewGuid():N} Sheriff's Office",
            State = state,
            Type = type,
            Kind = kind,
            County = "Test",
            AgencyHead = "Sheriff Pat Example",
            PointOfContact = new PointOfContact { Name = "Jo Contact", Email = "jo.contact@example.gov" },
        })).Agency;

    /// <summary>The events the Agreement service has written to its outbox, of one type, as JSON bodies.</summary>
    public async Task<List<System.Text.Json.JsonElement>> OutboxAsync(string eventType, string agreementId)
    {
        var database = AgreementHost.Services.GetRequiredService<IConfiguration>().GetConnectionString(ResourceNames.AgreementDatabase);
        await using var connection = new Npgsql.NpgsqlConnection(database);
        return (await Dapper.SqlMapper.QueryAsync<string>(connection, """
            SELECT body::text FROM outbox_messages
            WHERE message_type LIKE 'Program287g.Contracts.Agreement.' || @eventType || ',%' AND body->>'AgreementId' = @agreementId
            """, new { eventType, agreementId })).Select(body => System.Text.Json.JsonDocument.Parse(body).RootElement).ToList();
    }

    public static ProtoDate Date(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public static ProtoDate DaysAgo(int days)
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(-5)).AddDays(-days);
        return Date(day.Year, day.Month, day.Day);
    }

    public static SignedDocument Document(string text, ProtoDate signedOn, string signer = "Pat Example", string title = "Sheriff") => new()
    {
        Data = ByteString.CopyFromUtf8(text),
        SignerName = signer,
        SignerTitle = title,
        SignedOn = signedOn,
    };

    public static SubmitApplicationRequest Application(string agencyId, Model model = Model.Jem, int signedDaysAgo = 10) => new()
    {
        AgencyId = agencyId,
        Model = model,
        LetterOfInterest = Document("%PDF letter of interest", DaysAgo(signedDaysAgo)),
        Moa = Document($"%PDF MOA {model}", DaysAgo(signedDaysAgo)),
    };

    /// <summary>An agency with a pending application for <paramref name="model"/>.</summary>
    public async Task<Program287g.Agreement.V1.Agreement> PendingAsync(Model model = Model.Jem, string state = "TX")
    {
        var agency = await RegisterAgencyAsync(state);
        return (await Agreements().SubmitApplicationAsync(Application(agency.AgencyId, model))).Agreement;
    }

    /// <summary>An agency with an active agreement for <paramref name="model"/>, signed by ICE some days ago.</summary>
    public async Task<Program287g.Agreement.V1.Agreement> ActiveAsync(Model model = Model.Jem, string state = "TX", int signedDaysAgo = 5)
    {
        var pending = await PendingAsync(model, state);
        return (await Agreements().SignAgreementAsync(new SignAgreementRequest
        {
            AgreementId = pending.AgreementId,
            IceSignature = new Signature { SignerName = "Ana Official", SignerTitle = "Field Office Director", SignedOn = DaysAgo(signedDaysAgo) },
        })).Agreement;
    }

    public async ValueTask DisposeAsync()
    {
        await AgreementHost.DisposeAsync();
        await AgencyHost.DisposeAsync();
    }
}

/// <summary>One <see cref="AgreementSystem"/> for all the tests of a class (xunit runs a class's IAsyncLifetime once per
/// test). The tests of such a class register agencies of their own and assert on those, so sharing is safe.</summary>
public sealed class AgreementSystemFixture(TestInfrastructure servers) : IAsyncLifetime
{
    public AgreementSystem System { get; private set; } = null!;

    public async Task InitializeAsync() => System = await AgreementSystem.StartAsync(servers);

    public async Task DisposeAsync() => await System.DisposeAsync();
}
