using Dapper;
using Grpc.Net.Client;
using Npgsql;
using Program287g.Audit.V1;
using Program287g.Testing;

namespace Program287g.ServiceTests.Audit;

/// <summary>One service's audit trail, as program staff read it through the service's AuditService and as its database
/// holds it. Each write a test audits is made under an OAuth client id of its own (<see cref="NewClient"/>), so that
/// "exactly one record" means the call's records, whatever else the test's setup wrote.</summary>
public sealed class AuditReader(GrpcChannel staffChannel, string database)
{
    public static AuditReader Of<TService>(ServiceFactory<TService> host, string databaseName, TestTokens tokens) where TService : class =>
        new(host.Channel(tokens.Staff()), host.Services.GetRequiredService<IConfiguration>().GetConnectionString(databaseName)!);

    public static string NewClient() => $"audit-test-{Guid.NewGuid():N}";

    public AuditService.AuditServiceClient Client => new(staffChannel);

    /// <summary>Every record of one record, through ListAuditRecords, page by page.</summary>
    public async Task<List<AuditRecord>> OfRecordAsync(string kind, string id)
    {
        var records = new List<AuditRecord>();
        var token = "";
        do
        {
            var page = await Client.ListAuditRecordsAsync(new ListAuditRecordsRequest
            {
                Record = new RecordFilter { Kind = kind, Id = id }, PageSize = 100, PageToken = token,
            });
            records.AddRange(page.Records);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return records;
    }

    /// <summary>How many rows the database holds that name the client: what one call wrote, all records included.</summary>
    public async Task<int> CountOfClientAsync(string clientId)
    {
        await using var connection = new NpgsqlConnection(database);
        return await connection.ExecuteScalarAsync<int>("SELECT count(*)::int FROM audit_log WHERE client_id = @clientId", new { clientId });
    }

    /// <summary>The call made under <paramref name="clientId"/> wrote exactly one audit row, and it is this record's.</summary>
    public async Task<AuditRecord> OnlyRecordOfCallAsync(string clientId, string kind, string id)
    {
        (await CountOfClientAsync(clientId)).ShouldBe(1, $"one audit record for the call made as {clientId}");
        return (await OfRecordAsync(kind, id)).Where(r => r.ClientId == clientId).ShouldHaveSingleItem();
    }

    public async Task<T> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(database);
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException("No value.");
    }
}

public static class AuditRecordAssertions
{
    /// <summary>The record names the caller as its token did, the RPC it called and the peer it called from.</summary>
    public static void ShouldBeBy(this AuditRecord record, string subject, string role, string clientId, string action, string agencyId = "")
    {
        record.Subject.ShouldBe(subject);
        record.Role.ShouldBe(role);
        record.AgencyId.ShouldBe(agencyId);
        record.ClientId.ShouldBe(clientId);
        record.Action.ShouldBe(action);
        record.Peer.ShouldContain("127.0.0.1");
        record.RecordedAt.ToDateTimeOffset().ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddSeconds(5));
    }
}
