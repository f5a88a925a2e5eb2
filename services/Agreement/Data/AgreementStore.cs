using Dapper;
using Npgsql;
using Program287g.Agreement.Domain;
using Program287g.Audit;
using Program287g.Contracts;
using Program287g.Messaging.Outbox;
using Program287g.Persistence;

namespace Program287g.Agreement.Data;

/// <summary>Applications and agreements: every change, its history row, its status periods, the statistics ledger
/// and its event commit in one transaction.</summary>
public sealed partial class AgreementStore(NpgsqlDataSource dataSource, ChangeTrackedCache<string, LedgerWindows> statistics)
{
    public NpgsqlDataSource DataSource => dataSource;

    /// <summary>Commits a transaction that may have written the ledger; every writer commits through here, so that
    /// this instance's next GetStatistics sees the write at once (others hear of it by the ledger's NOTIFY).</summary>
    public async Task CommitAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await transaction.CommitAsync(cancellationToken);
        statistics.Forget();
    }

    /// <summary>Commits a write an RPC made, with the caller's audit record of each agreement it changed.</summary>
    public async Task CommitAsync(NpgsqlTransaction transaction, AuditActor auditor, IEnumerable<AgreementRecord> changed,
        CancellationToken cancellationToken)
    {
        await AuditTrail.RecordAsync(transaction, changed.Select(agreement => AgreementAudit.Of(auditor, agreement)).ToList(),
            cancellationToken);
        await CommitAsync(transaction, cancellationToken);
    }

    /// <summary>Inserts a new application or agreement with its first period and history row; returns the one that
    /// already holds the agency's place for the model instead, changing nothing, if there is one.</summary>
    public async Task<(AgreementRecord Agreement, bool Created)> CreateAsync(AgreementRecord draft, DateTimeOffset startsAt,
        Actor actor, AuditActor auditor, string action, string? note, IReadOnlyList<StoredDocument> documents,
        Func<AgreementRecord, IntegrationEvent> raise, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var created = await InsertAsync(transaction, draft, startsAt, actor, action, note, documents, cancellationToken);
        if (created is null)
        {
            var places = await AgencyPlaces.LockAsync(transaction, draft.AgencyId, draft.Model, cancellationToken);
            return ((places.InForce ?? places.Application)!, false);
        }
        await transaction.EnqueueAsync(raise(created), cancellationToken);
        await CommitAsync(transaction, auditor, [created], cancellationToken);
        return (created, true);
    }

    /// <summary>The insert itself, for callers that already hold a transaction (a supersession creates the
    /// replacement in the transition's). Null when the place it needs is taken (<see cref="AgencyPlaces"/>).</summary>
    internal static async Task<AgreementRecord?> InsertAsync(NpgsqlTransaction transaction, AgreementRecord draft,
        DateTimeOffset startsAt, Actor actor, string action, string? note, IReadOnlyList<StoredDocument> documents,
        CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        var number = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT nextval('agreement_reference_numbers')", transaction: transaction, cancellationToken: cancellationToken));
        var record = draft with { ReferenceNumber = ReferenceNumbers.Format(draft.SubmittedAt, number) };
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            AgreementColumns.Insert + " ON CONFLICT DO NOTHING",
            record, transaction, cancellationToken: cancellationToken));
        if (inserted == 0)
        {
            return null;
        }
        await StoreDocumentsAsync(transaction, documents, cancellationToken);
        await Timeline.OpenAsync(transaction, record, startsAt, cancellationToken);
        await AppendHistoryAsync(transaction, record.Id, null, record.Status, action, startsAt, actor, note,
            record.UpdatedAt, cancellationToken);
        return record;
    }

    /// <summary>Applies one lifecycle action under a row lock: refused (changing nothing) when the agreement is
    /// missing or the action is not allowed from its status; otherwise <paramref name="plan"/> says what to write.
    /// The plan may throw an RpcException (e.g. the caller may not do this), which rolls everything back.</summary>
    public async Task<TransitionOutcome> TransitionAsync(Guid id, LifecycleAction action, Actor actor, AuditActor auditor,
        Func<AgreementRecord, TransitionPlan> plan, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var outcome = await TransitionAsync(transaction, id, action, actor, plan, cancellationToken);
        if (outcome is TransitionOutcome.Done done)
        {
            await CommitAsync(transaction, auditor, [done.Agreement], cancellationToken);
        }
        return outcome;
    }

    internal static async Task<TransitionOutcome> TransitionAsync(NpgsqlTransaction transaction, Guid id,
        LifecycleAction action, Actor actor, Func<AgreementRecord, TransitionPlan> plan, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        var current = await LockAsync(transaction, id, cancellationToken);
        if (current is null)
        {
            return new TransitionOutcome.Missing();
        }
        if (Lifecycle.Next(current.CurrentStatus, action) is not { } next)
        {
            return new TransitionOutcome.NotAllowed(current.CurrentStatus);
        }
        var change = plan(current);
        var after = change.After with { Status = next.Key(), Version = current.Version + 1 };
        await connection.ExecuteAsync(new CommandDefinition(AgreementColumns.UpdateLifecycle, after, transaction,
            cancellationToken: cancellationToken));
        var effective = next == current.CurrentStatus
            ? change.EffectiveAt
            : await Timeline.MoveAsync(transaction, after, next, change.EffectiveAt, cancellationToken);
        await AppendHistoryAsync(transaction, id, current.Status, after.Status, ActionName(action), effective, actor,
            change.Note, after.UpdatedAt, cancellationToken);
        if (change.AlsoWrite is not null)
        {
            await change.AlsoWrite(transaction);
        }
        if (change.Event is not null)
        {
            await transaction.EnqueueAsync(change.Event(after), cancellationToken);
        }
        return new TransitionOutcome.Done(after);
    }

    public async Task<AgreementRecord?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AgreementRecord>(new CommandDefinition(
            $"SELECT {AgreementColumns.Select} FROM agreements a WHERE a.id = @id", new { id },
            cancellationToken: cancellationToken));
    }

    internal static Task<AgreementRecord?> LockAsync(NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<AgreementRecord>(new CommandDefinition(
            $"SELECT {AgreementColumns.Select} FROM agreements a WHERE a.id = @id FOR UPDATE", new { id }, transaction,
            cancellationToken: cancellationToken));

    public async Task<List<TransitionRecord>> HistoryAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<TransitionRecord>(new CommandDefinition("""
            SELECT agreement_id AS AgreementId, seq AS Seq, from_status AS FromStatus, to_status AS ToStatus,
                   action AS Action, effective_at AS EffectiveAt, recorded_at AS RecordedAt, actor AS Actor,
                   actor_role AS ActorRole, note AS Note
            FROM transitions WHERE agreement_id = @id ORDER BY seq
            """, new { id }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<List<AddendumRecord>> AddendaAsync(IReadOnlyCollection<Guid> agreementIds, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<AddendumRecord>(new CommandDefinition("""
            SELECT id AS Id, agreement_id AS AgreementId, description AS Description, document::text AS Document,
                   recorded_at AS RecordedAt
            FROM addenda WHERE agreement_id = ANY(@ids) ORDER BY recorded_at, id
            """, new { ids = agreementIds.ToArray() }, cancellationToken: cancellationToken))).AsList();
    }

    internal static Task InsertAddendumAsync(NpgsqlTransaction transaction, AddendumRecord addendum, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO addenda (id, agreement_id, description, document, recorded_at)
            VALUES (@Id, @AgreementId, @Description, @Document, @RecordedAt)
            """, addendum, transaction, cancellationToken: cancellationToken));

    internal static async Task StoreDocumentsAsync(NpgsqlTransaction transaction, IReadOnlyList<StoredDocument> documents,
        CancellationToken cancellationToken)
    {
        foreach (var document in documents)
        {
            await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
                INSERT INTO documents (sha256, data, stored_at) VALUES (@Sha256, @Data, now()) ON CONFLICT DO NOTHING
                """, document, transaction, cancellationToken: cancellationToken));
        }
    }

    internal static async Task AppendHistoryAsync(NpgsqlTransaction transaction, Guid id, string? from, string to, string action,
        DateTimeOffset effectiveAt, Actor actor, string? note, DateTime recordedAt, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO transitions (agreement_id, seq, from_status, to_status, action, effective_at, recorded_at, actor, actor_role, note)
            VALUES (@id, (SELECT coalesce(max(seq), 0) + 1 FROM transitions WHERE agreement_id = @id), @from, @to, @action,
                    @effectiveAt, @recordedAt, @subject, @role, @note)
            """, new { id, from, to, action, effectiveAt, recordedAt, subject = actor.Subject, role = actor.Role, note },
            transaction, cancellationToken: cancellationToken));

    private static string ActionName(LifecycleAction action) => action switch
    {
        LifecycleAction.RecordAddendum => "addendum",
        _ => action.ToString().ToLowerInvariant(),
    };
}

/// <summary>Document bytes to keep, by their hash.</summary>
public sealed record StoredDocument(string Sha256, byte[] Data);
