using MassTransit;
using Grpc.Core;
using Program287g.Agency.V1;
using Program287g.Agreement.V1;
using Program287g.Testing;
using static Program287g.ServiceTests.Agreements.AgreementSystem;

namespace Program287g.ServiceTests.Agreements;

/// <summary>The Agreement service copies each agency from the Agency service's events and takes an application's agency
/// from its copy; it asks the Agency service only about an agency it has not heard of.</summary>
[Collection(ServersCollection.Name)]
public sealed class AgencyCopyTests(TestInfrastructure servers) : IAsyncLifetime
{
    private AgreementSystem _system = null!;

    public async Task InitializeAsync() => _system = await AgreementSystem.StartAsync(servers);

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task An_agency_heard_of_applies_while_the_Agency_service_is_down_and_one_not_heard_of_is_asked_for()
    {
        var heardOf = await _system.RegisterAgencyAsync(state: "UT", type: AgencyType.Municipality);
        await CopiedAsync(heardOf.AgencyId, heardOf.Version);
        var unknownId = Guid.NewGuid().ToString();

        await _system.AgencyHost.DisposeAsync();

        var application = (await _system.Agreements().SubmitApplicationAsync(Application(heardOf.AgencyId, Model.Wso))).Agreement;
        application.Agency.Name.ShouldBe(heardOf.Name);
        application.Agency.State.ShouldBe("UT");
        application.Agency.Type.ShouldBe("Municipality");
        application.Agency.County.ShouldBe("Test");
        var refusal = await Should.ThrowAsync<RpcException>(() =>
            _system.Agreements().SubmitApplicationAsync(Application(unknownId, Model.Wso)).ResponseAsync);
        refusal.StatusCode.ShouldBe(StatusCode.Unavailable);
    }

    [Fact]
    public async Task An_update_reaches_the_copy_and_the_next_application_carries_it()
    {
        var agency = await _system.RegisterAgencyAsync(state: "UT");
        await CopiedAsync(agency.AgencyId, agency.Version);
        var first = (await _system.Agreements().SubmitApplicationAsync(Application(agency.AgencyId, Model.Jem))).Agreement;
        var renamed = (await _system.Agencies().UpdateAgencyAsync(new UpdateAgencyRequest
        {
            AgencyId = agency.AgencyId, Version = agency.Version, Name = $"{agency.Name} (renamed)", State = agency.State,
            Type = agency.Type, Kind = agency.Kind, County = agency.County, AgencyHead = agency.AgencyHead,
            PointOfContact = new PointOfContact { Name = "New Contact", Email = "new.contact@example.gov" },
        })).Agency;

        await CopiedAsync(agency.AgencyId, renamed.Version);
        var second = (await _system.Agreements().SubmitApplicationAsync(Application(agency.AgencyId, Model.Tfm))).Agreement;

        second.Agency.Name.ShouldBe(renamed.Name);
        var firstNow = (await _system.Agreements().GetAgreementAsync(new() { AgreementId = first.AgreementId })).Agreement;
        firstNow.Agency.Name.ShouldBe(renamed.Name);
    }

    [Fact]
    public async Task An_agency_not_yet_heard_of_is_asked_for_and_copied()
    {
        var agency = await _system.RegisterAgencyAsync(state: "UT");
        await CopiedAsync(agency.AgencyId, agency.Version); // its event consumed: it will not come again
        await using (var connection = Connection())
        {
            // As if its event had not arrived yet.
            await Dapper.SqlMapper.ExecuteAsync(connection, "DELETE FROM agencies WHERE agency_id = @id::uuid", new { id = agency.AgencyId });
        }

        var application = (await _system.Agreements().SubmitApplicationAsync(Application(agency.AgencyId, Model.Jem))).Agreement;

        application.Agency.Name.ShouldBe(agency.Name);
        await CopiedAsync(agency.AgencyId, agency.Version);
    }

    [Fact]
    public async Task A_burst_of_registrations_is_copied_each_once_and_a_message_delivered_again_changes_nothing()
    {
        // Forty registrations at once, as the bus brings them (in batches), one of them twice in the burst under the
        // same message id, and one agency that is no law enforcement agency.
        var bus = _system.AgreementHost.Services.GetRequiredService<IBus>();
        var burst = Enumerable.Range(0, 40).Select(i => new Contracts.Agency.AgencyRegistered
        {
            MessageId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, AgencyId = Guid.NewGuid(),
            Name = $"Burst {i} County Sheriff's Office", State = "UT", Type = nameof(AgencyType.County),
            Kind = i == 39 ? nameof(AgencyKind.Unspecified) : nameof(AgencyKind.SheriffsOffice), County = "Burst",
            ContactName = "Pat Roe", ContactEmail = $"burst{i}@example.gov",
        }).ToList();
        var twice = burst[7];
        await Task.WhenAll(burst.Append(twice).Select(message =>
            bus.Publish(message, context => context.MessageId = message.MessageId)));

        var ids = burst.Select(m => m.MessageId).ToArray();
        await Eventually.ReturnsAsync(() => InboxCountAsync(ids), count => count == burst.Count, TimeSpan.FromSeconds(30));
        await using (var connection = Connection())
        {
            var copied = (await Dapper.SqlMapper.QueryAsync<(Guid Id, string Name, long Version)>(connection,
                "SELECT agency_id, name, version FROM agencies WHERE agency_id = ANY(@ids)",
                new { ids = burst.Select(m => m.AgencyId).ToArray() })).ToList();
            copied.Select(c => c.Id).ShouldBe(burst.Take(39).Select(m => m.AgencyId), ignoreOrder: true);
            copied.ShouldAllBe(c => c.Version == 1);
            copied.Single(c => c.Id == twice.AgencyId).Name.ShouldBe(twice.Name);

            // Gone from the copy, then delivered again: the inbox knows the message, so the copy stays gone.
            await Dapper.SqlMapper.ExecuteAsync(connection, "DELETE FROM agencies WHERE agency_id = @id", new { id = twice.AgencyId });
        }
        var marker = burst[0] with { MessageId = Guid.NewGuid(), AgencyId = Guid.NewGuid(), Name = "After the redelivery" };
        await bus.Publish(twice, context => context.MessageId = twice.MessageId);
        // Published after it, on the same queue, whose batches run one at a time in order: once this one is copied,
        // the redelivery has been consumed too.
        await bus.Publish(marker, context => context.MessageId = marker.MessageId);
        await CopiedAsync(marker.AgencyId.ToString(), 1);
        await using (var connection = Connection())
        {
            (await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
                "SELECT count(*) FROM agencies WHERE agency_id = @id", new { id = twice.AgencyId })).ShouldBe(0);
        }
        (await InboxCountAsync(ids)).ShouldBe(burst.Count);
    }

    private async Task<long> InboxCountAsync(Guid[] messageIds)
    {
        await using var connection = Connection();
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
            "SELECT count(*) FROM inbox_messages WHERE message_id = ANY(@messageIds)", new { messageIds });
    }

    private Npgsql.NpgsqlConnection Connection() => new(_system.AgreementHost.Services.GetRequiredService<IConfiguration>()
        .GetConnectionString(ResourceNames.AgreementDatabase));

    private async Task CopiedAsync(string agencyId, long version) =>
        await Eventually.ReturnsAsync(async () =>
        {
            await using var connection = Connection();
            return await Dapper.SqlMapper.QuerySingleOrDefaultAsync<long?>(connection,
                "SELECT version FROM agencies WHERE agency_id = @id::uuid", new { id = agencyId });
        }, copied => copied == version, TimeSpan.FromSeconds(10));
}
