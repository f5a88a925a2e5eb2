using Dapper;
using Npgsql;
using Program287g.Contracts;
using Program287g.Messaging.Outbox;
using Program287g.Nominee.Domain;

namespace Program287g.Nominee.Data;

/// <summary>One change applied to many nominees at once (an agreement's suspension or end, a date that arrived): the
/// rows are locked, changed in one statement, and each gets its history entry and its event in the same transaction.</summary>
public sealed record NomineeMove
{
    /// <summary>Which nominees: a condition on the nominees table aliased "n", with parameters only, never values.</summary>
    public required string Where { get; init; }
    /// <summary>What changes: SET assignments, parameters only.</summary>
    public required string Set { get; init; }
    public required object Parameters { get; init; }
    public required string Action { get; init; }
    public required DateOnly EffectiveOn { get; init; }
    /// <summary>For a move whose rows each take effect on a day of their own (authorizations ending on their dates).</summary>
    public Func<NomineeRecord, DateOnly>? EffectiveOnOf { get; init; }
    public string? Note { get; init; }
    /// <summary>Rows another transaction holds are left for the next run instead of waited for (the sweep).</summary>
    public bool SkipLocked { get; init; }
    public int? Limit { get; init; }
}

internal static class NomineeMoves
{
    /// <summary>Applies <paramref name="move"/>; <paramref name="raise"/> gives each moved nominee's events (it may
    /// give none). Returns the nominees as they are after it.</summary>
    public static async Task<List<NomineeRecord>> ApplyAsync(NpgsqlTransaction transaction, NomineeMove move, Actor actor,
        DateTimeOffset now, Func<NomineeRecord, IEnumerable<IntegrationEvent>> raise, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        var parameters = new DynamicParameters(move.Parameters);
        var locked = (await connection.QueryAsync<(Guid Id, string Status)>(new CommandDefinition($"""
            SELECT n.id, n.status FROM nominees n WHERE {move.Where} ORDER BY n.id
            {(move.Limit is { } limit ? $"LIMIT {limit}" : "")} FOR UPDATE {(move.SkipLocked ? "SKIP LOCKED" : "")}
            """, parameters, transaction, cancellationToken: cancellationToken))).ToDictionary(row => row.Id, row => row.Status);
        if (locked.Count == 0)
        {
            return [];
        }
        var stored = Persistence.DatabaseTime.ToStoredPrecision(now);
        parameters.Add("movedIds", locked.Keys.ToArray());
        parameters.Add("movedAt", stored);
        var moved = (await connection.QueryAsync<NomineeRecord>(new CommandDefinition($"""
            UPDATE nominees n SET {move.Set}, updated_at = @movedAt, version = n.version + 1
            WHERE n.id = ANY(@movedIds)
            RETURNING {NomineeColumns.Select}
            """, parameters, transaction, cancellationToken: cancellationToken))).AsList();
        await StepLog.AppendAsync(transaction, moved.Select(n => new StepRecord
        {
            NomineeId = n.Id, FromStatus = locked[n.Id], ToStatus = n.Status, Action = move.Action, EffectiveOn = move.EffectiveOnOf?.Invoke(n) ?? move.EffectiveOn,
            RecordedAt = stored, Actor = actor.Subject, ActorRole = actor.Role, Note = move.Note,
        }).ToList(), cancellationToken);
        await transaction.EnqueueAsync(moved.SelectMany(raise).ToList(), cancellationToken);
        return moved;
    }
}
