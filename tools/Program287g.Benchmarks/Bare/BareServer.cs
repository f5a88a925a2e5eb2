using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Program287g.Messaging;
using Program287g.Persistence;
using Program287g.Testing;

namespace Program287g.Benchmarks.Bare;

/// <summary>A minimal Kestrel h2c gRPC server in this process, on a fresh database of its own that holds copies of
/// the services' tables. The real services' tracers listen process-wide by source name, so this server's ASP.NET Core
/// and Npgsql sources are renamed or filtered out: nothing here is traced.</summary>
public sealed class BareServer(WebApplication app, NpgsqlDataSource database, Uri address, EchoResponses echo) : IAsyncDisposable
{
    private const string Untraced = "Program287g.Benchmarks.Bare";

    public Uri Address => address;

    public NpgsqlDataSource Database => database;

    /// <summary>What the echo answers; set before a read run.</summary>
    public EchoResponses Echo => echo;

    public static async Task<BareServer> StartAsync(TestInfrastructure servers)
    {
        var echo = new EchoResponses();
        var connectionString = await servers.CreateDatabaseAsync("baredb");
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConfigureTracing(tracing => tracing.ConfigureCommandFilter(_ => false).ConfigureBatchFilter(_ => false)
            .EnablePhysicalOpenTracing(false).EnableFirstResponseEvent(false));
        var database = builder.Build();
        await MigrateAsync(database);

        var web = WebApplication.CreateSlimBuilder();
        web.Logging.ClearProviders();
        web.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        // Registered after the host's own, so these win: per-request activities only ever reach listeners of these names.
        web.Services.AddSingleton(new ActivitySource(Untraced));
        web.Services.AddSingleton(new DiagnosticListener(Untraced));
        web.Services.AddSingleton<DiagnosticSource>(provider => provider.GetRequiredService<DiagnosticListener>());
        web.Services.AddSingleton(database);
        web.Services.AddSingleton(echo);
        web.Services.AddGrpc();
        var app = web.Build();
        app.MapGrpcService<BareWritesService>();
        app.MapGrpcService<BareEchoService>();
        await app.StartAsync();
        return new BareServer(app, database, new Uri(app.Urls.Single()), echo);
    }

    /// <summary>The shared outbox tables and this tool's 0002_bare_writes, applied by the services' own migrator.</summary>
    private static async Task MigrateAsync(NpgsqlDataSource database)
    {
        var sources = new[] { new MigrationSource(typeof(MessagingExtensions).Assembly, "messaging"), new MigrationSource(typeof(BareServer).Assembly) };
        var state = new MigrationState();
        using var migrator = new DatabaseMigrator(database, sources, state, NullLogger<DatabaseMigrator>.Instance);
        await migrator.StartAsync(CancellationToken.None);
        await migrator.ExecuteTask!;
        if (!state.Completed)
        {
            throw new InvalidOperationException("The bare server's database was not migrated.");
        }
    }

    /// <summary>Agencies with an active agreement each, for nominations, written straight into the tables.</summary>
    public async Task<IReadOnlyList<(string AgencyId, string AgreementId)>> SeedActiveAgreementsAsync(int count, IReadOnlyList<string> states)
    {
        var agencies = await SeedAgenciesAsync(count, states);
        await using var command = database.CreateCommand("""
            INSERT INTO agreements (id, reference_number, agency_id, agency_name, agency_sort_name, state, agency_type,
                agency_version, model, status, submitted_at, source, updated_at)
            SELECT gen_random_uuid(), 'BARE-' || a.id, a.id, a.name, upper(a.name), a.state, a.type, 1, 'JEM', 'active', now(), 'api', now()
            FROM agencies a WHERE a.id = ANY(@ids)
            RETURNING agency_id, id
            """);
        command.Parameters.Add(new NpgsqlParameter("ids", agencies.Select(Guid.Parse).ToArray()));
        var pairs = new List<(string, string)>(count);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pairs.Add((reader.GetGuid(0).ToString(), reader.GetGuid(1).ToString()));
        }
        return pairs;
    }

    /// <summary>Agencies to submit applications for, written straight into the table, in the given states in turn.</summary>
    public async Task<IReadOnlyList<string>> SeedAgenciesAsync(int count, IReadOnlyList<string> states)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO agencies (id, name, normalized_name, state, type, kind, county, registered_at, updated_at)
            SELECT gen_random_uuid(), 'Seed County ' || @tag || ' ' || g || ' Sheriff''s Office', 'SEED COUNTY ' || @tag || ' ' || g || ' SHERIFFS OFFICE',
                   (@states)[1 + g % cardinality(@states)], 'County', 'SheriffsOffice', 'Seed', now(), now()
            FROM generate_series(1, @count) AS g
            RETURNING id
            """);
        command.Parameters.Add(new NpgsqlParameter("states", states.ToArray()));
        command.Parameters.Add(new NpgsqlParameter("count", count));
        // Unique per call: a run seeds several pools.
        command.Parameters.Add(new NpgsqlParameter("tag", Guid.NewGuid().ToString("N")[..8]));
        var ids = new List<string>(count);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0).ToString());
        }
        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await database.DisposeAsync();
    }
}
