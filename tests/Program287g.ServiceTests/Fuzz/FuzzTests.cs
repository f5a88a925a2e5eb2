extern alias NotificationService;

using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Program287g.Agreement.V1;
using Program287g.Nominee.V1;
using Program287g.Notification.V1;
using Program287g.ServiceTests.Nominees;
using Program287g.Testing;
using Xunit.Abstractions;
using NotificationServiceMarker = NotificationService::Program287g.Notification.NotificationServiceMarker;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Program287g.ServiceTests.Fuzz;

/// <summary>The services under fuzzing, with two agencies' records to aim at: each has an active agreement (with its
/// stored documents) and a nominee, agency B's authorized.</summary>
public sealed class FuzzedSystem(TestInfrastructure servers) : IAsyncLifetime
{
    public NomineeSystem System { get; private set; } = null!;
    public ServiceFactory<NotificationServiceMarker> Notification { get; private set; } = null!;
    public string AgencyA { get; private set; } = "";
    public List<string> KnownIds { get; } = [];

    public async Task InitializeAsync()
    {
        System = await NomineeSystem.StartAsync(servers);
        var path = new NomineePath(System);
        var a = await System.ActiveAgreementAsync(Model.Jem);
        var b = await System.ActiveAgreementAsync(Model.Tfm, "FL");
        var nomineeA = await System.NominateAsync(a);
        var officerB = await path.InStatusAsync(Program287g.Nominee.V1.NomineeStatus.Authorized, b);
        AgencyA = a.Agency.AgencyId;
        Notification = await servers.StartServiceAsync<NotificationServiceMarker>(ResourceNames.NotificationDatabase, System.Tokens,
            new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{ResourceNames.Smtp}"] = (await servers.SmtpAsync()).ConnectionString,
                [$"services:{ResourceNames.AgencyService}:{ResourceNames.GrpcEndpoint}:0"] = System.Programs.AgencyHost.Address.ToString(),
                ["Messaging:Consumers:EndpointPrefix"] = $"fuzz-notification-{Guid.NewGuid():N}",
            });
        var inquiry = await new Program287g.Notification.V1.NotificationService.NotificationServiceClient(Notification.Channel(System.Tokens.AgencyUser(AgencyA)))
            .SubmitInquiryAsync(new SubmitInquiryRequest
            {
                InquirerName = "Pat Example", ContactEmail = "pat@example.gov", Subject = "Training", Text = "When?", AgencyId = AgencyA,
            });
        KnownIds.AddRange([a.Agency.AgencyId, b.Agency.AgencyId, a.AgreementId, b.AgreementId, nomineeA.NomineeId, officerB.NomineeId,
            inquiry.Inquiry.InquiryId]);
        // Stored documents' hashes, so DownloadDocument is asked for real ones: the letter of interest both agencies
        // submitted (the same bytes) and each agency's own MOA.
        KnownIds.AddRange([a.LetterOfInterest.Sha256, a.AgencySignedMoa.Sha256, b.AgencySignedMoa.Sha256]);
    }

    public async Task DisposeAsync()
    {
        await Notification.DisposeAsync();
        await System.DisposeAsync();
    }

    /// <summary>Each service by its descriptor, and where it listens.</summary>
    public IEnumerable<(ServiceDescriptor Service, CallInvoker Invoker)> Services()
    {
        yield return (Program287g.Agency.V1.AgencyService.Descriptor, System.Programs.AgencyHost.Channel().CreateCallInvoker());
        yield return (AgreementService.Descriptor, System.Programs.AgreementHost.Channel().CreateCallInvoker());
        yield return (NomineeService.Descriptor, System.NomineeHost.Channel().CreateCallInvoker());
        yield return (Program287g.Notification.V1.NotificationService.Descriptor, Notification.Channel().CreateCallInvoker());
        // Every service hosts the audit trail over its own database.
        foreach (var channel in new[] { System.Programs.AgencyHost.Channel(), System.Programs.AgreementHost.Channel(), System.NomineeHost.Channel(),
            Notification.Channel() })
        {
            yield return (Program287g.Audit.V1.AuditService.Descriptor, channel.CreateCallInvoker());
        }
    }
}

/// <summary>Random and boundary values in every field of every RPC of every service, from every kind of caller: no call
/// is answered INTERNAL or UNKNOWN, none is served without a valid token, and an agency user is never answered with
/// another agency's records.</summary>
[Collection(ServersCollection.Name)]
public sealed class FuzzTests(FuzzedSystem fixture, ITestOutputHelper output) : IClassFixture<FuzzedSystem>
{
    private const int CallsPerMethodAndCaller = 25;

    /// <summary>PROGRAM287G_FUZZ_SALT explores other inputs than CI's fixed ones; a failure names its seed either way.</summary>
    private static readonly string Salt = Environment.GetEnvironmentVariable("PROGRAM287G_FUZZ_SALT") ?? "";

    private static readonly StatusCode[] Bugs = [StatusCode.Internal, StatusCode.Unknown, StatusCode.DataLoss];

    [Fact]
    public async Task Every_RPC_of_every_service_answers_random_and_boundary_input_as_the_caller_s_mistake()
    {
        var tokens = fixture.System.Tokens;
        var callers = new (string Name, string? Token)[]
        {
            ("anonymous", null), ("forged", new TestTokens().Staff()), ("expired", tokens.Expired()), ("staff", tokens.Staff()),
            ("internal", tokens.Internal()), ("agency user", tokens.AgencyUser(fixture.AgencyA)),
        };
        var problems = new List<string>();
        var codes = new Dictionary<(string Service, StatusCode Code), int>();
        var calls = 0;
        foreach (var (service, invoker) in fixture.Services())
        {
            foreach (var method in service.Methods)
            {
                foreach (var (caller, token) in callers)
                {
                    for (var i = 0; i < CallsPerMethodAndCaller; i++)
                    {
                        var seed = StableSeed($"{Salt}{method.FullName}|{caller}|{i}");
                        var requests = Requests(method, new RandomMessages(seed, fixture.KnownIds));
                        var (code, responses) = await DynamicCalls.CallAsync(invoker, method, requests, token);
                        calls++;
                        codes[(service.Name, code)] = codes.GetValueOrDefault((service.Name, code)) + 1;
                        var said = $"{method.FullName} as {caller} (seed {seed}): {code}";
                        if (Bugs.Contains(code))
                        {
                            problems.Add($"{said} for {Describe(requests)}");
                        }
                        if (token is null || caller is "forged" or "expired")
                        {
                            if (code != StatusCode.Unauthenticated)
                            {
                                problems.Add($"{said}: served without a valid token");
                            }
                        }
                        else if (caller == "agency user" && responses.SelectMany(DynamicCalls.AgencyIds).FirstOrDefault(id =>
                            !string.Equals(id, fixture.AgencyA, StringComparison.OrdinalIgnoreCase)) is { } other)
                        {
                            problems.Add($"{said}: answered with agency {other}'s records");
                        }
                    }
                }
            }
        }
        foreach (var ((service, code), count) in codes.OrderBy(c => c.Key.Service).ThenBy(c => c.Key.Code))
        {
            output.WriteLine($"{service,-18} {code,-20} {count,6}");
        }
        output.WriteLine($"{calls} calls");
        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_oversized_request_is_refused_as_too_large_by_every_service()
    {
        var staff = fixture.System.Tokens.Staff();
        foreach (var (service, invoker) in fixture.Services())
        {
            var method = service.Methods.First(m => !m.IsClientStreaming && m.InputType.Fields.InDeclarationOrder().Any(f => f.FieldType == FieldType.String));
            var request = method.InputType.Parser.ParseFrom(ByteString.Empty);
            method.InputType.Fields.InDeclarationOrder().First(f => f.FieldType == FieldType.String && !f.IsRepeated)
                .Accessor.SetValue(request, new string('x', 17 * 1024 * 1024));

            var (code, _) = await DynamicCalls.CallAsync(invoker, method, [request], staff);

            code.ShouldBe(StatusCode.ResourceExhausted, method.FullName);
        }
    }

    /// <summary>FNV-1a: the same seed for the same call in every run (string.GetHashCode and HashCode are salted per process).</summary>
    private static int StableSeed(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)hash;
    }

    /// <summary>The messages one call sends: one, or for a client stream a header-like first message and a few more.</summary>
    private static List<IMessage> Requests(MethodDescriptor method, RandomMessages random) =>
        [.. Enumerable.Range(0, method.IsClientStreaming ? 3 : 1).Select(_ => random.Next(method.InputType))];

    private static string Describe(IReadOnlyList<IMessage> requests)
    {
        var text = string.Join(" ", requests.Select(r => JsonFormatter.Default.Format(r)));
        return text.Length > 600 ? text[..600] + "…" : text;
    }
}
