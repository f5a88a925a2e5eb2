using Dapper;
using Npgsql;
using Program287g.Audit;
using Program287g.Agency.Domain;
using Program287g.Messaging.Outbox;
using Program287g.Persistence;

namespace Program287g.Agency.Data;

public sealed partial class AgencyRepository(NpgsqlDataSource dataSource, ChangeTrackedCache<Guid, AgencyRecord> kept)
{
    /// <summary>The channel migration 0003's trigger notifies when agencies change.</summary>
    public const string ChangeChannel = "agencies_changed";

    private const string Columns = """
        id AS Id, name AS Name, normalized_name AS NormalizedName, state AS State, type AS Type, kind AS Kind,
        county AS County, agency_head AS AgencyHead, contact_name AS ContactName, contact_email AS ContactEmail,
        registered_at AS RegisteredAt, updated_at AS UpdatedAt, version AS Version
        """;

    /// <summary>Inserts the agency and records its AgencyRegistered event and the caller's audit record in one
    /// transaction, unless one with the same normalized name exists in the state; then returns that one instead and
    /// changes nothing (the unique index decides, so two concurrent registrations cannot both win).</summary>
    public async Task<(AgencyRecord Agency, bool Created)> RegisterAsync(AgencyRecord agency, DateTimeOffset now, AuditActor actor,
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
            await AuditTrail.RecordAsync(transaction, Audited(actor, agency), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (agency, true);
        }
        var existing = await connection.QuerySingleAsync<AgencyRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM agencies WHERE normalized_name = @NormalizedName AND state = @State",
            agency, transaction, cancellationToken: cancellationToken));
        return (existing, false);
    }

    /// <summary>The agency, from memory while no agency has changed since it was read (GetAgency is the hottest read:
    /// every application and nomination asks it).</summary>
    public Task<AgencyRecord?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        kept.GetOrReadAsync(id, async token =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(token);
            return await connection.QuerySingleOrDefaultAsync<AgencyRecord>(new CommandDefinition(
                $"SELECT {Columns} FROM agencies WHERE id = @id", new { id }, cancellationToken: token));
        }, cancellationToken);

    /// <summary>Replaces an agency's details if <paramref name="expectedVersion"/> is still its version, and records
    /// its AgencyUpdated event and the caller's audit record in the same transaction.</summary>
    public async Task<UpdateOutcome> UpdateAsync(AgencyRecord details, long expectedVersion, DateTimeOffset now, AuditActor actor,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Lock the row first: the version check and the write then see the same agency.
        var current = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT version FROM agencies WHERE id = @Id FOR UPDATE", details, transaction, cancellationToken: cancellationToken));
        if (current is null)
        {
            return new UpdateOutcome.Missing();
        }
        if (current != expectedVersion)
        {
            return new UpdateOutcome.VersionMismatch(current.Value);
        }
        var clash = await connection.QuerySingleOrDefaultAsync<AgencyRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM agencies WHERE normalized_name = @NormalizedName AND state = @State AND id <> @Id",
            details, transaction, cancellationToken: cancellationToken));
        if (clash is not null)
        {
            return new UpdateOutcome.NameTaken(clash);
        }
        var updated = await connection.QuerySingleAsync<AgencyRecord>(new CommandDefinition($"""
            UPDATE agencies SET name = @Name, normalized_name = @NormalizedName, state = @State, type = @Type,
                kind = @Kind, county = @County, agency_head = @AgencyHead, contact_name = @ContactName,
                contact_email = @ContactEmail, updated_at = @UpdatedAt, version = version + 1
            WHERE id = @Id
            RETURNING {Columns}
            """, details, transaction, cancellationToken: cancellationToken));
        await transaction.EnqueueAsync(AgencyEvents.Updated(updated, now), cancellationToken);
        await AuditTrail.RecordAsync(transaction, Audited(actor, updated), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        kept.Forget(); // this instance reads its own write at once; the others on the trigger's notification
        return new UpdateOutcome.Updated(updated);
    }

    /// <summary>What the audit trail keeps of an agency written: codes, not its name or its contact's.</summary>
    private static AuditEntry Audited(AuditActor actor, AgencyRecord agency) =>
        actor.On("agency", agency.Id.ToString(), $"state={agency.State} type={agency.Type} kind={agency.Kind} version={agency.Version}");

    /// <summary>One page in (normalized_name, id) order after <paramref name="after"/>; one row more than asked shows
    /// whether another page follows.</summary>
    public async Task<List<AgencyRecord>> ListAsync(AgencyFilter filter, AgencyCursor? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<AgencyRecord>(new CommandDefinition($"""
            SELECT {Columns} FROM agencies
            WHERE (@state::text IS NULL OR state = @state) AND (@type::text IS NULL OR type = @type)
              AND (@kind::text IS NULL OR kind = @kind)
              AND (@afterName::text IS NULL OR (normalized_name, id) > (@afterName, @afterId))
            ORDER BY normalized_name, id
            LIMIT @limit
            """, new
            {
                state = filter.State, type = filter.Type, kind = filter.Kind,
                afterName = after?.NormalizedName, afterId = after?.Id ?? Guid.Empty, limit,
            }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Agencies whose names are like the query (trigram similarity of the whole name, or of the query to
    /// the best-matching part of the name), best first. Both operators use the trigram index.</summary>
    public async Task<List<(AgencyRecord Agency, double Score)>> SearchAsync(string normalizedQuery, string? state, int limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AgencyRecord, double, (AgencyRecord, double)>(new CommandDefinition($"""
            SELECT {Columns}, greatest(similarity(normalized_name, @query), word_similarity(@query, normalized_name))::float8 AS Score
            FROM agencies
            WHERE (normalized_name % @query OR @query <% normalized_name) AND (@state::text IS NULL OR state = @state)
            ORDER BY Score DESC, normalized_name, id
            LIMIT @limit
            """, new { query = normalizedQuery, state, limit }, cancellationToken: cancellationToken),
            (agency, score) => (agency, score), splitOn: "Score");
        return rows.AsList();
    }
}

/// <summary>What an update came to.</summary>
public abstract record UpdateOutcome
{
    public sealed record Updated(AgencyRecord Agency) : UpdateOutcome;
    public sealed record Missing : UpdateOutcome;
    public sealed record VersionMismatch(long CurrentVersion) : UpdateOutcome;
    public sealed record NameTaken(AgencyRecord Existing) : UpdateOutcome;
}
