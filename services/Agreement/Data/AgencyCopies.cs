using Dapper;
using Npgsql;
using Program287g.Agreement.Domain;

namespace Program287g.Agreement.Data;

/// <summary>This service's copy of the agencies (migration 0003): filled by the Agency service's events and answers,
/// newer versions only.</summary>
public static class AgencyCopies
{
    public static async Task<AgencySnapshot?> FindAsync(NpgsqlDataSource database, Guid agencyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AgencySnapshot>(new CommandDefinition("""
            SELECT agency_id AS Id, name AS Name, state AS State, type AS Type, county AS County,
                   contact_name AS ContactName, contact_email AS ContactEmail, version AS Version
            FROM agencies WHERE agency_id = @agencyId
            """, new { agencyId }, cancellationToken: cancellationToken));
    }

    /// <summary>Records each of <paramref name="agencies"/> unless a version as new is already held, in one statement
    /// (an agency listed twice counts at its newest version: one statement may not touch a row twice).</summary>
    public static Task RecordAllAsync(NpgsqlTransaction transaction, IReadOnlyCollection<AgencySnapshot> agencies,
        CancellationToken cancellationToken)
    {
        var newest = agencies.GroupBy(agency => agency.Id).Select(versions => versions.MaxBy(agency => agency.Version)!).ToList();
        return transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO agencies (agency_id, name, state, type, county, contact_name, contact_email, version)
            SELECT * FROM unnest(@ids, @names, @states::bpchar[], @types, @counties, @contactNames, @contactEmails, @versions)
            ON CONFLICT (agency_id) DO UPDATE SET name = EXCLUDED.name, state = EXCLUDED.state, type = EXCLUDED.type,
                county = EXCLUDED.county, contact_name = EXCLUDED.contact_name, contact_email = EXCLUDED.contact_email,
                version = EXCLUDED.version
            WHERE agencies.version < EXCLUDED.version
            """, new
            {
                ids = newest.Select(a => a.Id).ToArray(),
                names = newest.Select(a => a.Name).ToArray(),
                states = newest.Select(a => a.State).ToArray(),
                types = newest.Select(a => a.Type).ToArray(),
                counties = newest.Select(a => a.County).ToArray(),
                contactNames = newest.Select(a => a.ContactName).ToArray(),
                contactEmails = newest.Select(a => a.ContactEmail).ToArray(),
                versions = newest.Select(a => a.Version).ToArray(),
            }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Records <paramref name="agency"/> unless a version as new is already held.</summary>
    public static Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, AgencySnapshot agency,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO agencies (agency_id, name, state, type, county, contact_name, contact_email, version)
            VALUES (@Id, @Name, @State, @Type, @County, @ContactName, @ContactEmail, @Version)
            ON CONFLICT (agency_id) DO UPDATE SET name = EXCLUDED.name, state = EXCLUDED.state, type = EXCLUDED.type,
                county = EXCLUDED.county, contact_name = EXCLUDED.contact_name, contact_email = EXCLUDED.contact_email,
                version = EXCLUDED.version
            WHERE agencies.version < EXCLUDED.version
            """, agency, transaction, cancellationToken: cancellationToken));
}
