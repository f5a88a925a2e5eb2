using Dapper;
using Npgsql;
using Program287g.Agency.Domain;
using Program287g.Messaging.Outbox;

namespace Program287g.Agency.Data;

public sealed class AgencyRepository(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id AS Id, name AS Name, normalized_name AS NormalizedName, state AS State, type AS Type, kind AS Kind,
        county AS County, agency_head AS AgencyHead, contact_name AS ContactName, contact_email AS ContactEmail,
        registered_at AS RegisteredAt, updated_at AS UpdatedAt
        """;

    /// <summary>Inserts the agency and records its AgencyRegistered event in one transaction, unless one with the
    /// same normalized name exists in the state; then returns that one instead and changes nothing (the unique index
    /// decides, so two concurrent registrations cannot both win).</summary>
    public async Task<(AgencyRecord Agency, bool Created)> RegisterAsync(AgencyRecord agency, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO agencies (id, name, normalized_name, state, type, kind, county, agency_head, contact_name,
                                  contact_email, registered_at, updated_at)
            VALUES (@Id, @Name, @NormalizedName, @State, @Type, @Kind, @County, @AgencyHead, @ContactName,
                    @ContactEmail, @RegisteredAt, @UpdatedAt)
            ON CONFLICT (normalized_name, state) DO NOTHING
            """, agency, transaction, cancellationToken: cancellationToken));
        if (inserted == 1)
        {
            await transaction.EnqueueAsync(AgencyEvents.Registered(agency, now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (agency, true);
        }
        var existing = await connection.QuerySingleAsync<AgencyRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM agencies WHERE normalized_name = @NormalizedName AND state = @State",
            agency, transaction, cancellationToken: cancellationToken));
        return (existing, false);
    }

    public async Task<AgencyRecord?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AgencyRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM agencies WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }
}
