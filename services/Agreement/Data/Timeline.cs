using Dapper;
using Npgsql;
using Program287g.Agreement.Domain;

namespace Program287g.Agreement.Data;

/// <summary>Keeps each agreement's status periods and the statistics ledger in step with its transitions, inside the
/// transition's own transaction. A period of a counted status adds +1 to its ledger series when it opens and -1 when
/// it closes; an agency's participation (at least one agreement in force, per model and across models) is recomputed
/// from its active periods whenever one of them changes.</summary>
public static class Timeline
{
    private const string AnyModel = "*";

    /// <summary>Starts the agreement's first period.</summary>
    public static Task OpenAsync(NpgsqlTransaction transaction, AgreementRecord agreement, DateTimeOffset at,
        CancellationToken cancellationToken) => OpenAllAsync(transaction, [(agreement, at)], cancellationToken);

    /// <summary>Starts the first period of each agreement (each of its status, from its moment) in a few statements
    /// whatever their number: the periods, their ledger entries, and the participation of the agencies that now have
    /// one more agreement in force.</summary>
    public static async Task OpenAllAsync(NpgsqlTransaction transaction, IReadOnlyList<(AgreementRecord Agreement, DateTimeOffset At)> opened,
        CancellationToken cancellationToken)
    {
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO status_periods (agreement_id, status, valid)
            SELECT id, status, tstzrange(at, NULL, '[)') FROM unnest(@ids::uuid[], @statuses::text[], @ats::timestamptz[]) AS o(id, status, at)
            """, new
            {
                ids = opened.Select(o => o.Agreement.Id).ToArray(),
                statuses = opened.Select(o => o.Agreement.Status).ToArray(),
                ats = opened.Select(o => o.At.UtcDateTime).ToArray(),
            }, transaction, cancellationToken: cancellationToken));
        await LedgerPosts.PostAsync(transaction, [.. opened
            .Where(o => SeriesOf(o.Agreement.CurrentStatus) is not null)
            .Select(o => new LedgerPost(SeriesOf(o.Agreement.CurrentStatus)!, o.Agreement.Model, o.Agreement.State, o.At, +1))],
            cancellationToken);
        var active = opened.Where(o => o.Agreement.CurrentStatus == AgreementStatus.Active)
            .Select(o => (o.Agreement.AgencyId, o.Agreement.Model, o.Agreement.State)).ToList();
        if (active.Count > 0)
        {
            await RefreshParticipationAsync(transaction, active, cancellationToken);
        }
    }

    /// <summary>Ends the current period at <paramref name="at"/> and starts one of <paramref name="next"/> there.
    /// A moment before the current period began is moved up to its start (a backdated change cannot rewrite what an
    /// earlier transition recorded), except for the first period, which is withdrawn instead; returns the moment used.</summary>
    public static async Task<DateTimeOffset> MoveAsync(NpgsqlTransaction transaction, AgreementRecord agreement,
        AgreementStatus next, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        var current = await connection.QuerySingleAsync<(string Status, DateTime Start, bool IsFirst)>(new CommandDefinition("""
            SELECT status, lower(valid), NOT EXISTS (SELECT 1 FROM status_periods e WHERE e.agreement_id = p.agreement_id
                                                     AND NOT upper_inf(e.valid))
            FROM status_periods p WHERE agreement_id = @Id AND upper_inf(valid) FOR UPDATE
            """, agreement, transaction, cancellationToken: cancellationToken));
        var start = new DateTimeOffset(DateTime.SpecifyKind(current.Start, DateTimeKind.Utc));
        var previous = AgreementStatuses.Parse(current.Status);
        DateTimeOffset effective;
        if (at < start && current.IsFirst)
        {
            // The change took effect before the record began (ICE signed on a date before the application reached
            // us): the first period never really held, so it is withdrawn whole and the new status runs from `at`.
            effective = at;
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM status_periods WHERE agreement_id = @Id", agreement, transaction, cancellationToken: cancellationToken));
            await PostAsync(transaction, SeriesOf(previous), agreement, start, -1, cancellationToken);
        }
        else
        {
            effective = at < start ? start : at;
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE status_periods SET valid = tstzrange(lower(valid), @effective, '[)')
                WHERE agreement_id = @Id AND upper_inf(valid)
                """, new { agreement.Id, effective }, transaction, cancellationToken: cancellationToken));
            await PostAsync(transaction, SeriesOf(previous), agreement, effective, -1, cancellationToken);
        }
        await InsertPeriodAsync(transaction, agreement, next, effective, cancellationToken);
        if (previous == AgreementStatus.Active || next == AgreementStatus.Active)
        {
            await RefreshParticipationAsync(transaction, [(agreement.AgencyId, agreement.Model, agreement.State)], cancellationToken);
        }
        return effective;
    }

    private static async Task InsertPeriodAsync(NpgsqlTransaction transaction, AgreementRecord agreement,
        AgreementStatus status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO status_periods (agreement_id, status, valid) VALUES (@Id, @status, tstzrange(@at, NULL, '[)'))
            """, new { agreement.Id, status = status.Key(), at }, transaction, cancellationToken: cancellationToken));
        await PostAsync(transaction, SeriesOf(status), agreement, at, +1, cancellationToken);
    }

    /// <summary>Replaces each changed agency's participation spans for the model and for any model with the union of its
    /// active periods now, posting the difference to the ledger (old spans withdrawn, new ones entered).</summary>
    private static async Task RefreshParticipationAsync(NpgsqlTransaction transaction,
        IReadOnlyCollection<(Guid AgencyId, string Model, string State)> changed, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        // Two transitions of one agency's agreements (two models) must not recompute its spans at the same time.
        await AgencyLocks.LockAsync(transaction, changed.Select(c => c.AgencyId), cancellationToken);
        var scopes = changed.SelectMany(c => new[] { (c.AgencyId, Scope: c.Model, c.State), (c.AgencyId, Scope: AnyModel, c.State) })
            .DistinctBy(s => (s.AgencyId, s.Scope)).ToList();
        var keys = new
        {
            agencyIds = scopes.Select(s => s.AgencyId).ToArray(),
            scopes = scopes.Select(s => s.Scope).ToArray(),
            states = scopes.Select(s => s.State).ToArray(),
        };
        var removed = await connection.QueryAsync<(Guid AgencyId, string Scope, string State, DateTime Start, DateTime? End)>(
            new CommandDefinition("""
                DELETE FROM agency_participation p USING unnest(@agencyIds::uuid[], @scopes::text[]) AS t(agency_id, scope)
                WHERE p.agency_id = t.agency_id AND p.model = t.scope
                RETURNING p.agency_id, p.model, p.state::text, lower(p.valid), upper(p.valid)
                """, keys, transaction, cancellationToken: cancellationToken));
        var added = await connection.QueryAsync<(Guid AgencyId, string Scope, string State, DateTime Start, DateTime? End)>(
            new CommandDefinition("""
                INSERT INTO agency_participation (agency_id, model, state, valid)
                SELECT t.agency_id, t.scope, t.state, span
                FROM unnest(@agencyIds::uuid[], @scopes::text[], @states::text[]) AS t(agency_id, scope, state)
                CROSS JOIN LATERAL unnest((SELECT range_agg(p.valid) FROM status_periods p JOIN agreements a ON a.id = p.agreement_id
                                           WHERE a.agency_id = t.agency_id AND p.status = 'active'
                                             AND (t.scope = '*' OR a.model = t.scope))) AS span
                RETURNING agency_id, model, state::text, lower(valid), upper(valid)
                """, keys, transaction, cancellationToken: cancellationToken));
        // Only the difference reaches the ledger, agency by agency: a span that merely got an end posts one entry, not three.
        var deltas = new Dictionary<(Guid AgencyId, string Scope, string State, DateTime At), int>();
        void Count((Guid AgencyId, string Scope, string State, DateTime Start, DateTime? End) span, int sign)
        {
            deltas[(span.AgencyId, span.Scope, span.State, span.Start)] = deltas.GetValueOrDefault((span.AgencyId, span.Scope, span.State, span.Start)) + sign;
            if (span.End is { } end)
            {
                deltas[(span.AgencyId, span.Scope, span.State, end)] = deltas.GetValueOrDefault((span.AgencyId, span.Scope, span.State, end)) - sign;
            }
        }
        foreach (var span in removed)
        {
            Count(span, -1);
        }
        foreach (var span in added)
        {
            Count(span, +1);
        }
        await LedgerPosts.PostAsync(transaction, [.. deltas.Where(d => d.Value != 0)
            .Select(d => new LedgerPost(LedgerSeries.Agency, d.Key.Scope, d.Key.State, Utc(d.Key.At), d.Value))], cancellationToken);
    }

    private static Task PostAsync(NpgsqlTransaction transaction, string? series, AgreementRecord agreement, DateTimeOffset at, int delta,
        CancellationToken cancellationToken) =>
        series is null ? Task.CompletedTask
            : LedgerPosts.PostAsync(transaction, [new LedgerPost(series, agreement.Model, agreement.State, at, delta)], cancellationToken);

    private static string? SeriesOf(AgreementStatus status) => status switch
    {
        AgreementStatus.Active => LedgerSeries.Active,
        AgreementStatus.Pending => LedgerSeries.Pending,
        AgreementStatus.Suspended => LedgerSeries.Suspended,
        _ => null,
    };

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

/// <summary>The ledger's series names.</summary>
public static class LedgerSeries
{
    public const string Active = "active";
    public const string Pending = "pending";
    public const string Suspended = "suspended";
    public const string Agency = "agency";
}
