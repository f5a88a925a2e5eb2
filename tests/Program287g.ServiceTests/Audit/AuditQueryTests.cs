extern alias AgencyService;

using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Npgsql;
using Program287g.Agency.V1;
using Program287g.Audit.V1;
using Program287g.ServiceDefaults.Auth;
using Program287g.Testing;
using AgencyServiceMarker = AgencyService::Program287g.Agency.AgencyServiceMarker;

namespace Program287g.ServiceTests.Audit;

/// <summary>The two questions the audit trail answers through gRPC, "what did this person do between these moments" and
/// "who touched this record", paged; for program staff only; and a table that refuses to be changed.</summary>
[Collection(ServersCollection.Name)]
public sealed class AuditQueryTests(TestInfrastructure servers)
{
    private readonly TestTokens _tokens = new();

    private async Task<(ServiceFactory<AgencyServiceMarker> Host, AuditReader Audit)> StartAsync()
    {
        var host = await servers.StartServiceAsync<AgencyServiceMarker>(ResourceNames.AgencyDatabase, _tokens);
        return (host, AuditReader.Of(host, ResourceNames.AgencyDatabase, _tokens));
    }

    private static async Task<Program287g.Agency.V1.Agency> RegisterAsync(ServiceFactory<AgencyServiceMarker> host, string token) =>
        (await new Program287g.Agency.V1.AgencyService.AgencyServiceClient(host.Channel(token)).RegisterAgencyAsync(new RegisterAgencyRequest
        {
            Name = $"Audit County {Guid.NewGuid():N} Sheriff's Office", State = "TX", Type = AgencyType.County, Kind = AgencyKind.SheriffsOffice,
            County = "Test", AgencyHead = "Sheriff Pat Example", PointOfContact = new PointOfContact { Name = "Jo Contact", Email = "jo@example.gov" },
        })).Agency;

    private static ListAuditRecordsRequest ByActor(string subject, DateTimeOffset from, DateTimeOffset to, int pageSize = 0, string pageToken = "") => new()
    {
        Actor = new ActorFilter { Subject = subject, From = Timestamp.FromDateTimeOffset(from), To = Timestamp.FromDateTimeOffset(to) },
        PageSize = pageSize, PageToken = pageToken,
    };

    [Fact]
    public async Task What_one_person_did_between_two_moments_is_their_writes_then_and_no_one_elses()
    {
        var (host, audit) = await StartAsync();
        await using var _ = host;
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var mine = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            mine.Add((await RegisterAsync(host, _tokens.Staff())).AgencyId);
        }
        await RegisterAsync(host, _tokens.Internal());
        var after = DateTimeOffset.UtcNow.AddSeconds(1);

        var records = (await audit.Client.ListAuditRecordsAsync(ByActor("staff@test", before, after))).Records;

        records.Select(r => r.RecordId).ShouldBe(mine);
        records.ShouldAllBe(r => r.Subject == "staff@test" && r.Action == "program287g.agency.v1.AgencyService/RegisterAgency");
        (await audit.Client.ListAuditRecordsAsync(ByActor("staff@test", before.AddHours(-1), before))).Records.ShouldBeEmpty();
        (await audit.Client.ListAuditRecordsAsync(ByActor("staff@test", after, after.AddHours(1)))).Records.ShouldBeEmpty();
    }

    [Fact]
    public async Task Who_touched_a_record_is_every_write_to_it_oldest_first_with_each_caller()
    {
        var (host, audit) = await StartAsync();
        await using var _ = host;
        var agency = await RegisterAsync(host, _tokens.Staff());
        await RegisterAsync(host, _tokens.Staff());
        var asAgency = new Program287g.Agency.V1.AgencyService.AgencyServiceClient(host.Channel(_tokens.AgencyUser(agency.AgencyId)));
        var updated = (await asAgency.UpdateAgencyAsync(new UpdateAgencyRequest
        {
            AgencyId = agency.AgencyId, Version = agency.Version, Name = agency.Name, State = "TX", Type = agency.Type, Kind = agency.Kind,
            County = agency.County, AgencyHead = "Sheriff Robin Newhead", PointOfContact = agency.PointOfContact,
        })).Agency;

        var records = await audit.OfRecordAsync("agency", agency.AgencyId);

        records.Select(r => (r.Subject, r.Role, r.AgencyId, r.Action.Split('/')[1])).ShouldBe([
            ("staff@test", Roles.ProgramStaff, "", "RegisterAgency"),
            ("officer@test", Roles.AgencyUser, agency.AgencyId, "UpdateAgency"),
        ]);
        records[1].Detail.ShouldContain($"version={updated.Version}");
        records[0].Id.ShouldBeLessThan(records[1].Id);
    }

    [Fact]
    public async Task Records_come_in_pages_that_together_are_the_whole_answer_and_a_token_keeps_to_its_filter()
    {
        var (host, audit) = await StartAsync();
        await using var _ = host;
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        for (var i = 0; i < 5; i++)
        {
            await RegisterAsync(host, _tokens.Staff());
        }
        var after = DateTimeOffset.UtcNow.AddSeconds(1);
        var whole = (await audit.Client.ListAuditRecordsAsync(ByActor("staff@test", before, after))).Records.Select(r => r.Id).ToList();

        var paged = new List<long>();
        var sizes = new List<int>();
        var token = "";
        do
        {
            var page = await audit.Client.ListAuditRecordsAsync(ByActor("staff@test", before, after, pageSize: 2, pageToken: token));
            paged.AddRange(page.Records.Select(r => r.Id));
            sizes.Add(page.Records.Count);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        whole.Count.ShouldBe(5);
        paged.ShouldBe(whole);
        sizes.ShouldBe([2, 2, 1]);
        var first = await audit.Client.ListAuditRecordsAsync(ByActor("staff@test", before, after, pageSize: 2));
        var replayed = await Should.ThrowAsync<RpcException>(() => audit.Client.ListAuditRecordsAsync(
            ByActor("system@test", before, after, pageSize: 2, pageToken: first.NextPageToken)).ResponseAsync);
        replayed.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        replayed.BadFields().ShouldBe(["page_token"]);
    }

    [Theory]
    [InlineData(Roles.AgencyUser)]
    [InlineData(Roles.InternalSystem)]
    public async Task Only_program_staff_may_read_the_audit(string role)
    {
        var (host, _) = await StartAsync();
        await using var __ = host;
        var agency = await RegisterAsync(host, _tokens.Staff());
        var token = role == Roles.AgencyUser ? _tokens.AgencyUser(agency.AgencyId) : _tokens.Internal();
        var client = new AuditService.AuditServiceClient(host.Channel(token));

        var refused = await Should.ThrowAsync<RpcException>(() => client.ListAuditRecordsAsync(new ListAuditRecordsRequest
        {
            Record = new RecordFilter { Kind = "agency", Id = agency.AgencyId },
        }).ResponseAsync);

        refused.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        refused.Status.Detail.ShouldContain("ListAuditRecords is for program-staff");
        (await Should.ThrowAsync<RpcException>(() => new AuditService.AuditServiceClient(host.Channel()).ListAuditRecordsAsync(new ListAuditRecordsRequest
        {
            Record = new RecordFilter { Kind = "agency", Id = agency.AgencyId },
        }).ResponseAsync)).StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }

    public static TheoryData<string, ListAuditRecordsRequest> BadRequests()
    {
        var now = DateTimeOffset.UtcNow;
        return new()
        {
            { "filter", new ListAuditRecordsRequest() },
            { "actor.subject", ByActor(" ", now.AddHours(-1), now) },
            { "actor.to", ByActor("staff@test", now, now.AddHours(-1)) },
            { "actor.from", new ListAuditRecordsRequest { Actor = new ActorFilter { Subject = "staff@test", To = Timestamp.FromDateTimeOffset(now) } } },
            { "actor.to", new ListAuditRecordsRequest { Actor = new ActorFilter { Subject = "staff@test", From = Timestamp.FromDateTimeOffset(now) } } },
            { "record.kind", new ListAuditRecordsRequest { Record = new RecordFilter { Kind = "Agency; DROP", Id = "x" } } },
            { "record.id", new ListAuditRecordsRequest { Record = new RecordFilter { Kind = "agency", Id = "" } } },
            { "page_size", new ListAuditRecordsRequest { Record = new RecordFilter { Kind = "agency", Id = "x" }, PageSize = 501 } },
            { "page_token", new ListAuditRecordsRequest { Record = new RecordFilter { Kind = "agency", Id = "x" }, PageToken = "not-ours" } },
        };
    }

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_query_is_refused_naming_the_field(string field, ListAuditRecordsRequest request)
    {
        var (host, audit) = await StartAsync();
        await using var _ = host;

        var refused = await Should.ThrowAsync<RpcException>(() => audit.Client.ListAuditRecordsAsync(request).ResponseAsync);

        refused.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        refused.BadFields().ShouldBe([field]);
    }

    [Theory]
    [InlineData("UPDATE audit_log SET subject = 'someone else'")]
    [InlineData("DELETE FROM audit_log")]
    [InlineData("TRUNCATE audit_log")]
    public async Task The_audit_log_refuses_to_be_changed_or_emptied(string sql)
    {
        var (host, audit) = await StartAsync();
        await using var _ = host;
        await RegisterAsync(host, _tokens.Staff());
        var database = host.Services.GetRequiredService<IConfiguration>().GetConnectionString(ResourceNames.AgencyDatabase);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);

        var refused = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        refused.MessageText.ShouldContain("audit_log is append-only");
        (await audit.QueryAsync<long>("SELECT count(*) FROM audit_log WHERE subject = 'staff@test'")).ShouldBe(1);
    }
}
