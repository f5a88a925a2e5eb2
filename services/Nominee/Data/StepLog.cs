using Dapper;
using Npgsql;
using Program287g.Nominee.Domain;

namespace Program287g.Nominee.Data;

/// <summary>Appends to nominees' histories: one entry, or many in one statement (a cascade over an agreement).</summary>
internal static class StepLog
{
    public static Task AppendAsync(NpgsqlTransaction transaction, StepRecord step, CancellationToken cancellationToken) =>
        AppendAsync(transaction, [step], cancellationToken);

    public static async Task AppendAsync(NpgsqlTransaction transaction, IReadOnlyCollection<StepRecord> steps,
        CancellationToken cancellationToken)
    {
        if (steps.Count == 0)
        {
            return;
        }
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO steps (nominee_id, seq, from_status, to_status, action, effective_on, recorded_at, actor, actor_role, note)
            SELECT s.nominee_id, (SELECT coalesce(max(seq), 0) + 1 FROM steps WHERE nominee_id = s.nominee_id),
                   s.from_status, s.to_status, s.action, s.effective_on, s.recorded_at, s.actor, s.actor_role, s.note
            FROM unnest(@ids, @froms, @tos, @actions, @effective, @recorded, @actors, @roles, @notes)
                AS s(nominee_id, from_status, to_status, action, effective_on, recorded_at, actor, actor_role, note)
            """, new
            {
                ids = steps.Select(s => s.NomineeId).ToArray(),
                froms = steps.Select(s => s.FromStatus).ToArray(),
                tos = steps.Select(s => s.ToStatus).ToArray(),
                actions = steps.Select(s => s.Action).ToArray(),
                effective = steps.Select(s => s.EffectiveOn).ToArray(),
                recorded = steps.Select(s => DateTime.SpecifyKind(s.RecordedAt, DateTimeKind.Utc)).ToArray(),
                actors = steps.Select(s => s.Actor).ToArray(),
                roles = steps.Select(s => s.ActorRole).ToArray(),
                notes = steps.Select(s => s.Note).ToArray(),
            }, transaction, cancellationToken: cancellationToken));
    }

    public static async Task<List<StepRecord>> ReadAsync(NpgsqlDataSource dataSource, Guid nomineeId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<StepRecord>(new CommandDefinition("""
            SELECT nominee_id AS NomineeId, seq AS Seq, from_status AS FromStatus, to_status AS ToStatus, action AS Action,
                   effective_on AS EffectiveOn, recorded_at AS RecordedAt, actor AS Actor, actor_role AS ActorRole, note AS Note
            FROM steps WHERE nominee_id = @nomineeId ORDER BY seq
            """, new { nomineeId }, cancellationToken: cancellationToken))).AsList();
    }
}
