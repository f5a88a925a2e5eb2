extern alias AgencyService;

using System.Diagnostics;
using Dapper;
using Grpc.Core;
using Npgsql;
using Program287g.Agency.V1;
using Program287g.Testing;
using Xunit.Abstractions;
using AgencyServiceMarker = AgencyService::Program287g.Agency.AgencyServiceMarker;

namespace Program287g.ServiceTests;

/// <summary>ResolveAgencies: agencies as ICE's lists give them, matched to the registry or registered.</summary>
[Collection(ServersCollection.Name)]
public sealed class AgencyResolutionTests(TestInfrastructure servers, ITestOutputHelper output) : IAsyncLifetime
{
    private const string RegisteredEvents = """
        SELECT count(*) FROM outbox_messages
        WHERE message_type LIKE 'Program287g.Contracts.Agency.AgencyRegistered,%' AND body->>'AgencyId' = ANY(@ids)
        """;

    private readonly TestTokens _tokens = new();
    private ServiceFactory<AgencyServiceMarker> _service = null!;

    public async Task InitializeAsync() =>
        _service = await servers.StartServiceAsync<AgencyServiceMarker>(ResourceNames.AgencyDatabase, _tokens);

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private Program287g.Agency.V1.AgencyService.AgencyServiceClient Client(string token) => new(_service.Channel(token));

    private Program287g.Agency.V1.AgencyService.AgencyServiceClient Staff => Client(_tokens.Staff());

    private static ListedAgency Listed(string name, string state, AgencyType type = AgencyType.County, string county = "",
        AgencyKind kind = AgencyKind.Unspecified) => new() { Name = name, State = state, Type = type, County = county, Kind = kind };

    private static ResolveAgenciesRequest Request(params ListedAgency[] agencies)
    {
        var request = new ResolveAgenciesRequest();
        request.Agencies.Add(agencies);
        return request;
    }

    private async Task<List<ResolvedAgency>> ResolveAsync(params ListedAgency[] agencies) =>
        [.. (await Staff.ResolveAgenciesAsync(Request(agencies))).Agencies];

    private NpgsqlConnection Database() =>
        new(_service.Services.GetRequiredService<IConfiguration>().GetConnectionString(ResourceNames.AgencyDatabase));

    private async Task<(long Agencies, long Events)> CountRowsAsync()
    {
        await using var connection = Database();
        return (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM agencies"),
            await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM outbox_messages"));
    }

    [Fact]
    public async Task New_agencies_are_registered_and_known_ones_matched_answering_in_request_order()
    {
        var known = (await Staff.RegisterAgencyAsync(new RegisterAgencyRequest
        {
            Name = "Harris County Sheriff's Office", State = "TX", Type = AgencyType.County, Kind = AgencyKind.SheriffsOffice,
            County = "Harris", AgencyHead = "Sheriff Ed Gonzalez",
            PointOfContact = new PointOfContact { Name = "Jo Doe", Email = "jo.doe@example.gov" },
        })).Agency;

        var resolved = await ResolveAsync(
            Listed("Fort Bend County Sheriff's Office ", "TEXAS", county: "Fort Bend"),
            Listed("HARRIS\u00A0COUNTY  SHERIFF’S OFFICE", "Texas", county: "Harris"),
            Listed("Conroe Police Department", "tx", AgencyType.Municipality));

        resolved.Select(r => r.Registered).ShouldBe([true, false, true]);
        resolved.Select(r => r.Agency.Name).ShouldBe(["Fort Bend County Sheriff's Office", known.Name, "Conroe Police Department"]);
        resolved[1].Agency.ShouldBe(known);
        var fortBend = resolved[0].Agency;
        fortBend.State.ShouldBe("TX");
        fortBend.County.ShouldBe("Fort Bend");
        fortBend.AgencyHead.ShouldBe("");
        fortBend.PointOfContact.ShouldBe(new PointOfContact());
        fortBend.Version.ShouldBe(1);
        (await Staff.GetAgencyAsync(new GetAgencyRequest { AgencyId = fortBend.AgencyId })).Agency.ShouldBe(fortBend);
    }

    [Theory]
    [InlineData("bexar county sheriffs office")]
    [InlineData("  BEXAR COUNTY SHERIFF'S OFFICE  ")]
    [InlineData("Bexar\u00A0County\u00A0Sheriff’s\u00A0Office")]
    [InlineData("Bexar County, Sheriff's Office.")]
    public async Task A_known_agency_is_matched_whatever_the_case_spacing_or_punctuation(string spelling)
    {
        var first = (await ResolveAsync(Listed("Bexar County Sheriff's Office", "TX"))).Single().Agency;

        var again = (await ResolveAsync(Listed(spelling, "Texas"))).Single();

        again.Registered.ShouldBeFalse();
        again.Agency.AgencyId.ShouldBe(first.AgencyId);
        again.Agency.Name.ShouldBe(first.Name);
    }

    [Fact]
    public async Task An_agency_listed_twice_in_one_request_is_registered_once_at_its_first_place()
    {
        var resolved = await ResolveAsync(
            Listed("Polk County Sheriff's Office", "FL"),
            Listed("Lakeland Police Department", "FL", AgencyType.Municipality),
            Listed("POLK COUNTY SHERIFF’S OFFICE ", "Florida"),
            Listed("Polk County Sheriff's Office", "IA"));

        resolved.Select(r => r.Registered).ShouldBe([true, true, false, true]);
        resolved[2].Agency.ShouldBe(resolved[0].Agency);
        resolved[3].Agency.AgencyId.ShouldNotBe(resolved[0].Agency.AgencyId);
        await using var connection = Database();
        (await connection.ExecuteScalarAsync<long>(RegisteredEvents, new { ids = resolved.Select(r => r.Agency.AgencyId).Distinct().ToArray() }))
            .ShouldBe(3);
    }

    [Fact]
    public async Task The_same_request_twice_registers_nothing_the_second_time()
    {
        var request = Request(
            Listed("Collier County Sheriff's Office", "FL", county: "Collier"),
            Listed("Naples Police Department", "FL", AgencyType.Municipality),
            Listed("Florida Highway Patrol", "FL", AgencyType.StateAgency));
        var first = (await Staff.ResolveAgenciesAsync(request)).Agencies;
        var before = await CountRowsAsync();

        var second = (await Client(_tokens.Internal()).ResolveAgenciesAsync(request)).Agencies;

        first.ShouldAllBe(r => r.Registered);
        second.ShouldAllBe(r => !r.Registered);
        second.Select(r => r.Agency).ShouldBe(first.Select(r => r.Agency));
        (await CountRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Each_agency_registered_raises_one_agency_registered_event_that_the_outbox_publishes()
    {
        var known = (await ResolveAsync(Listed("Lee County Sheriff's Office", "FL"))).Single().Agency;

        var resolved = await ResolveAsync(
            Listed("Lee County Sheriff's Office", "FL"),
            Listed("Cape Coral Police Department", "FL", AgencyType.Municipality),
            Listed("Fort Myers Police Department", "FL", AgencyType.Municipality));

        await using var connection = Database();
        (await connection.ExecuteScalarAsync<long>(RegisteredEvents, new { ids = new[] { known.AgencyId } })).ShouldBe(1);
        var news = resolved.Where(r => r.Registered).Select(r => r.Agency).ToList();
        news.Count.ShouldBe(2);
        foreach (var agency in news)
        {
            (await connection.ExecuteScalarAsync<long>(RegisteredEvents + " AND body->>'Kind' = 'PoliceDepartment' AND body->>'ContactEmail' IS NULL",
                new { ids = new[] { agency.AgencyId } })).ShouldBe(1);
        }
        await Eventually.ReturnsAsync(() => connection.ExecuteScalarAsync<long>(RegisteredEvents + " AND sent_at IS NOT NULL",
            new { ids = news.Select(a => a.AgencyId).ToArray() }), sent => sent == 2, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_kind_is_read_from_the_name_and_type_unless_the_caller_gives_one()
    {
        var resolved = await ResolveAsync(
            Listed("Travis County Sheriff's Office", "TX"),
            Listed("Travis County", "TX"),
            Listed("Austin Police Department", "TX", AgencyType.Municipality),
            Listed("City of Round Rock", "TX", AgencyType.Municipality),
            Listed("Texas Office of the Attorney General", "TX", AgencyType.StateAgency),
            Listed("Virginia Department of State Police", "VA", AgencyType.StateAgency),
            Listed("Florida Department of Corrections", "FL", AgencyType.StateAgency),
            Listed("Bullitt County Detention Center", "KY"),
            Listed("Derry Township Constable's Office", "PA", AgencyType.Municipality),
            Listed("Marshal's Office of Hope", "AR", AgencyType.Municipality),
            Listed("Daytona Beach Shores Public Safety", "FL", AgencyType.Municipality),
            Listed("Georgia Department of Public Safety", "GA", AgencyType.StateAgency),
            Listed("Hays County Law Enforcement Center", "TX", kind: AgencyKind.Jail));

        resolved.Select(r => r.Agency.Kind).ShouldBe([
            AgencyKind.SheriffsOffice, AgencyKind.SheriffsOffice, AgencyKind.PoliceDepartment, AgencyKind.PoliceDepartment,
            AgencyKind.StateLawEnforcement, AgencyKind.StatePolice, AgencyKind.DepartmentOfCorrections, AgencyKind.Jail,
            AgencyKind.ConstablesOffice, AgencyKind.MarshalsOffice, AgencyKind.PoliceDepartment, AgencyKind.StatePolice,
            AgencyKind.Jail,
        ]);
    }

    [Fact]
    public async Task Concurrent_resolutions_of_the_same_agencies_register_each_once_and_all_succeed()
    {
        var agencies = Enumerable.Range(0, 40).Select(i => Listed($"Race {i:D2} County Sheriff's Office", "OK")).ToArray();
        var calls = Enumerable.Range(0, 8).Select(call =>
        {
            // Every call lists the same agencies in its own order: the inserts must still not lock each other out.
            var order = agencies.OrderBy(a => (a.Name.GetHashCode(StringComparison.Ordinal) * (call + 1)) % 97).ToArray();
            return Staff.ResolveAgenciesAsync(Request(order)).ResponseAsync;
        });

        var answers = await Task.WhenAll(calls);

        var byName = answers.SelectMany(a => a.Agencies).GroupBy(r => r.Agency.Name).ToList();
        byName.Count.ShouldBe(40);
        byName.ShouldAllBe(g => g.Select(r => r.Agency.AgencyId).Distinct().Count() == 1 && g.Count(r => r.Registered) == 1);
        (await CountRowsAsync()).ShouldBe((40, 40));
    }

    [Fact]
    public async Task A_thousand_agencies_resolve_in_one_call_and_again_without_registering_anything()
    {
        var request = Request([.. Enumerable.Range(0, 1000).Select(i =>
            Listed($"Bulk {i:D4} Police Department", "Nevada", AgencyType.Municipality))]);
        await ResolveAsync(Listed("Warm Up Police Department", "NV", AgencyType.Municipality));

        var clock = Stopwatch.StartNew();
        var first = await Staff.ResolveAgenciesAsync(request);
        var registering = clock.Elapsed;
        clock.Restart();
        var second = await Staff.ResolveAgenciesAsync(request);
        var matching = clock.Elapsed;
        output.WriteLine($"1,000 agencies: registered in {registering.TotalMilliseconds:F0} ms, matched in {matching.TotalMilliseconds:F0} ms");

        first.Agencies.Count(r => r.Registered).ShouldBe(1000);
        first.Agencies.Select(r => r.Agency.Name).ShouldBe(request.Agencies.Select(a => a.Name));
        second.Agencies.ShouldAllBe(r => !r.Registered);
        (await CountRowsAsync()).ShouldBe((1001, 1001));
        // Generous, for a loaded machine; the report above gives the real figures.
        (registering + matching).ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_agency_user_may_not_resolve_agencies()
    {
        var refusal = await Should.ThrowAsync<RpcException>(() => Client(_tokens.AgencyUser(Guid.NewGuid().ToString()))
            .ResolveAgenciesAsync(Request(Listed("Self County Sheriff's Office", "TX"))).ResponseAsync);

        refusal.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await CountRowsAsync()).Agencies.ShouldBe(0);
    }

    [Fact]
    public async Task Every_bad_field_of_every_listed_agency_is_named_by_its_path()
    {
        var request = Request(
            Listed("Good County Sheriff's Office", "TX"),
            new ListedAgency { Name = "", State = "Narnia", Type = AgencyType.Unspecified, Kind = (AgencyKind)99, County = new string('c', 101) },
            Listed(" ;; ", "TX", (AgencyType)42),
            Listed(new string('A', 201), "XX"),
            Listed("CoreCivic, Inc.", "TN"));

        var refusal = await Should.ThrowAsync<RpcException>(() => Staff.ResolveAgenciesAsync(request).ResponseAsync);

        refusal.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        refusal.BadFields().ShouldBe([
            "agencies[1].name", "agencies[1].state", "agencies[1].type", "agencies[1].kind", "agencies[1].county",
            "agencies[2].name", "agencies[2].type", "agencies[3].name", "agencies[3].state", "agencies[4].name",
        ], ignoreOrder: true);
        (await CountRowsAsync()).Agencies.ShouldBe(0);
    }

    [Fact]
    public async Task An_empty_request_and_one_of_more_than_a_thousand_agencies_are_refused_as_a_whole()
    {
        var empty = await Should.ThrowAsync<RpcException>(() => Staff.ResolveAgenciesAsync(new ResolveAgenciesRequest()).ResponseAsync);
        var tooMany = await Should.ThrowAsync<RpcException>(() => Staff.ResolveAgenciesAsync(
            Request([.. Enumerable.Range(0, 1001).Select(i => Listed($"Town {i} Police Department", "", AgencyType.Municipality))])).ResponseAsync);

        empty.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        empty.BadFields().ShouldBe(["agencies"]);
        tooMany.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        tooMany.BadFields().ShouldBe(["agencies"]);
    }

    [Fact]
    public async Task A_thousand_agencies_with_every_field_wrong_list_the_first_hundred_failures_and_count_the_rest()
    {
        // Names as long as allowed, each refused with a message that repeats it: the largest error there can be.
        var request = Request([.. Enumerable.Range(0, 1000).Select(i => new ListedAgency
        {
            Name = $"Acme {i:D4} ".PadRight(196, 'x') + " Inc", State = "Narnia", Type = (AgencyType)7, Kind = (AgencyKind)99,
            County = new string('c', 101),
        })]);

        var refusal = await Should.ThrowAsync<RpcException>(() => Staff.ResolveAgenciesAsync(request).ResponseAsync);

        refusal.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        var violations = refusal.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations;
        violations.Count.ShouldBe(101);
        violations.Take(5).Select(v => v.Field).ShouldBe(["agencies[0].name", "agencies[0].state", "agencies[0].type", "agencies[0].kind", "agencies[0].county"]);
        violations[^1].Field.ShouldBe("agencies");
        violations[^1].Description.ShouldContain("4900 more problems");
    }

    [Theory]
    [InlineData("The GEO Group, Inc.", "a private company")]
    [InlineData("Houston Independent School District", "a school district")]
    [InlineData("Memorial Hermann Hospital", "a hospital")]
    [InlineData("First Baptist Church of Dallas", "a church")]
    [InlineData("Greater Houston Chamber of Commerce", "a chamber of commerce")]
    public async Task A_name_that_names_no_law_enforcement_agency_is_refused_on_registering_and_resolving(string name, string body)
    {
        var registering = await Should.ThrowAsync<RpcException>(() => Staff.RegisterAgencyAsync(new RegisterAgencyRequest
        {
            Name = name, State = "TX", Type = AgencyType.County, Kind = AgencyKind.Jail,
            PointOfContact = new PointOfContact { Name = "Jo Doe", Email = "jo.doe@example.gov" },
        }).ResponseAsync);
        var resolving = await Should.ThrowAsync<RpcException>(() =>
            Staff.ResolveAgenciesAsync(Request(Listed("Harris County Sheriff's Office", "TX"), Listed(name, "TX"))).ResponseAsync);

        registering.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        registering.BadFields().ShouldBe(["name"]);
        registering.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Single().Description
            .ShouldBe($"only law enforcement agencies may take part in 287(g): '{name}' names {body}.");
        resolving.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        resolving.BadFields().ShouldBe(["agencies[1].name"]);
        (await CountRowsAsync()).Agencies.ShouldBe(0);
    }

    [Fact]
    public async Task A_police_department_of_a_school_district_or_a_university_is_accepted()
    {
        var resolved = await ResolveAsync(
            Listed("Houston Independent School District Police Department", "TX", AgencyType.Municipality),
            Listed("University of Texas Police Department", "TX", AgencyType.StateAgency));

        resolved.ShouldAllBe(r => r.Registered && r.Agency.Kind == AgencyKind.PoliceDepartment);
    }
}
