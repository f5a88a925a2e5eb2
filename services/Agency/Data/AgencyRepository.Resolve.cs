using Program287g.Contracts;
using Dapper;
using Npgsql;
using Program287g.Audit;
using Program287g.Agency.Domain;
using Program287g.Messaging.Outbox;

namespace Program287g.Agency.Data;

public sealed partial class AgencyRepository
{
    private const int ResolveAttempts = 3;

    /// <summary>Each listed agency as registered: the one already there under its normalized name and state, or the
    /// listed one, inserted with its AgencyRegistered event. One transaction; the agencies are inserted and found by
    /// a few set-based statements whatever their number, but each event is its own outbox write (the outbox takes
    /// one event at a time), which is most of the time a large batch of new agencies takes. Answers in the order
    /// given; an agency listed twice is registered (and reported as registered) once, at its first place. Each agency
    /// registered here gets an audit record for the caller; one found changes nothing and gets none.</summary>
    public async Task<IReadOnlyList<(AgencyRecord Agency, bool Registered)>> ResolveAsync(IReadOnlyList<AgencyRecord> listed,
        DateTimeOffset now, AuditActor actor, CancellationToken cancellationToken)
    {
        var firsts = listed.DistinctBy(Key).ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (inserted, existing) = await InsertOrFindAsync(firsts, now, actor, cancellationToken);
                var seen = new HashSet<(string, string)>();
                return listed.Select(agency =>
                {
                    var key = Key(agency);
                    var registeredHere = seen.Add(key) && inserted.ContainsKey(key);
                    return (inserted.GetValueOrDefault(key) ?? existing[key], registeredHere);
                }).ToList();
            }
            // The inserts go in key order, so two resolutions cannot lock each other's keys crosswise; should a
            // deadlock come anyway (say, with a concurrent rename), PostgreSQL rolled everything back: do it again.
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < ResolveAttempts)
            {
            }
        }
    }

    private async Task<(Dictionary<(string, string), AgencyRecord> Inserted, Dictionary<(string, string), AgencyRecord> Existing)>
        InsertOrFindAsync(List<AgencyRecord> agencies, DateTimeOffset now, AuditActor actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = new Dictionary<(string, string), AgencyRecord>();
        var existing = new Dictionary<(string, string), AgencyRecord>();
        var missing = agencies;
        // The unique index decides: an insert that meets a committed (or, after waiting, a newly committed) agency
        // does nothing, and the select then finds it. Only an agency renamed between the two statements is missed;
        // the next round inserts it under the name asked for.
        for (var round = 0; missing.Count > 0 && round < ResolveAttempts; round++)
        {
            foreach (var row in await InsertNewAsync(connection, transaction, missing, cancellationToken))
            {
                inserted[Key(row)] = row;
            }
            missing = missing.Where(a => !inserted.ContainsKey(Key(a))).ToList();
            foreach (var row in await FindAsync(connection, transaction, missing, cancellationToken))
            {
                existing[Key(row)] = row;
            }
            missing = missing.Where(a => !existing.ContainsKey(Key(a))).ToList();
        }
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"{missing.Count} agencies could be neither inserted nor found.");
        }
        // Events in the order the agencies were listed.
        await transaction.EnqueueAsync(agencies.Where(a => inserted.ContainsKey(Key(a)))
            .Select(a => (IntegrationEvent)AgencyEvents.Registered(inserted[Key(a)], now)).ToList(), cancellationToken);
        await AuditTrail.RecordAsync(transaction, agencies.Where(a => inserted.ContainsKey(Key(a)))
            .Select(a => Audited(actor, inserted[Key(a)])).ToList(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (inserted, existing);
    }

    private static async Task<IEnumerable<AgencyRecord>> InsertNewAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        List<AgencyRecord> agencies, CancellationToken cancellationToken) =>
        await connection.QueryAsync<AgencyRecord>(new CommandDefinition($"""
            INSERT INTO agencies (id, name, normalized_name, state, type, kind, county, registered_at, updated_at)
            SELECT id, name, normalized_name, state, type, kind, county, registered_at, registered_at
            FROM unnest(@ids, @names, @normalizedNames, @states, @types, @kinds, @counties, @registeredAt)
                AS listed(id, name, normalized_name, state, type, kind, county, registered_at)
            ORDER BY state, normalized_name
            ON CONFLICT (normalized_name, state) DO NOTHING
            RETURNING {Columns}
            """, new
            {
                ids = agencies.Select(a => a.Id).ToArray(),
                names = agencies.Select(a => a.Name).ToArray(),
                normalizedNames = agencies.Select(a => a.NormalizedName).ToArray(),
                states = agencies.Select(a => a.State).ToArray(),
                types = agencies.Select(a => a.Type).ToArray(),
                kinds = agencies.Select(a => a.Kind).ToArray(),
                counties = agencies.Select(a => a.County).ToArray(),
                registeredAt = agencies.Select(a => a.RegisteredAt).ToArray(),
            }, transaction, cancellationToken: cancellationToken));

    private static async Task<IEnumerable<AgencyRecord>> FindAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        List<AgencyRecord> agencies, CancellationToken cancellationToken) =>
        agencies.Count == 0 ? [] : await connection.QueryAsync<AgencyRecord>(new CommandDefinition($"""
            SELECT {Columns} FROM agencies
            WHERE (normalized_name, state) IN (SELECT * FROM unnest(@normalizedNames::text[], @states::bpchar[]))
            """, new
            {
                normalizedNames = agencies.Select(a => a.NormalizedName).ToArray(),
                states = agencies.Select(a => a.State).ToArray(),
            }, transaction, cancellationToken: cancellationToken));

    private static (string NormalizedName, string State) Key(AgencyRecord agency) => (agency.NormalizedName, agency.State);
}
