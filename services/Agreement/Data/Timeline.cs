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
    public static async Task OpenAsync(NpgsqlTransaction transaction, AgreementRecord agreement, AgreementStatus status,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        await InsertPeriodAsync(transaction, agreement, status, at, cancellationToken);
        await RefreshParticipationIfActiveAsync(transaction, agreement, status, cancellationToken);
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
            await PostAsync(transaction, SeriesOf(previous), agreement.Model, agreement.State, start, -1, cancellationToken);
        }
        else
        {
            effective = at < start ? start : at;
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE status_periods SET valid = tstzrange(lower(valid), @effective, '[)')
                WHERE agreement_id = @Id AND upper_inf(valid)
                """, new { agreement.Id, effective }, transaction, cancellationToken: cancellationToken));
            await PostAsync(transaction, SeriesOf(previous), agreement.Model, agreement.State, effective, -1, cancellationToken);
        }
        await InsertPeriodAsync(transaction, agreement, next, effective, cancellationToken);
        if (previous == AgreementStatus.Active || next == AgreementStatus.Active)
        {
            await RefreshParticipationAsync(transaction, agreement.AgencyId, agreement.Model, agreement.State, cancellationToken);
        }
        return effective;
    }

    private static async Task InsertPeriodAsync(NpgsqlTransaction transaction, AgreementRecord agreement,
        AgreementStatus status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO status_periods (agreement_id, status, valid) VALUES (@Id, @status, tstzrange(@at, NULL, '[)'))
            """, new { agreement.Id, status = status.Key(), at }, transaction, cancellationToken: cancellationToken));
        await PostAsync(transaction, SeriesOf(status), agreement.Model, agreement.State, at, +1, cancellationToken);
    }

    private static Task RefreshParticipationIfActiveAsync(NpgsqlTransaction transaction, AgreementRecord agreement,
        AgreementStatus status, CancellationToken cancellationToken) =>
        status == AgreementStatus.Active
            ? RefreshParticipationAsync(transaction, agreement.AgencyId, agreement.Model, agreement.State, cancellationToken)
            : Task.CompletedTask;

    /// <summary>Replaces the agency's participation spans for the model and for any model with the union of its active
    /// periods now, posting the difference to the ledger (old spans withdrawn, new ones entered).</summary>
    private static async Task RefreshParticipationAsync(NpgsqlTransaction transaction, Guid agencyId, string model,
        string state, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        // Two transitions of one agency's agreements (two models) must not recompute its spans at the same time.
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))",
            new { key = $"agency-participation:{agencyId}" }, transaction, cancellationToken: cancellationToken));
        foreach (var scope in new[] { model, AnyModel })
        {
            var removed = await connection.QueryAsync<(string State, DateTime Start, DateTime? End)>(new CommandDefinition("""
                DELETE FROM agency_participation WHERE agency_id = @agencyId AND model = @scope
                RETURNING state, lower(valid), upper(valid)
                """, new { agencyId, scope }, transaction, cancellationToken: cancellationToken));
            var added = await connection.QueryAsync<(DateTime Start, DateTime? End)>(new CommandDefinition("""
                INSERT INTO agency_participation (agency_id, model, state, valid)
                SELECT @agencyId, @scope, @state, span
                FROM unnest((SELECT range_agg(p.valid) FROM status_periods p JOIN agreements a ON a.id = p.agreement_id
                             WHERE a.agency_id = @agencyId AND p.status = 'active'
                               AND (@scope = '*' OR a.model = @scope))) AS span
                RETURNING lower(valid), upper(valid)
                """, new { agencyId, scope, state }, transaction, cancellationToken: cancellationToken));
            // Only the difference reaches the ledger: a span that merely got an end posts one entry, not three.
            var deltas = new Dictionary<(string State, DateTime At), int>();
            void Count(string spanState, DateTime at, int delta) =>
                deltas[(spanState, at)] = deltas.GetValueOrDefault((spanState, at)) + delta;
            foreach (var span in removed)
            {
                Count(span.State, span.Start, -1);
                if (span.End is { } end)
                {
                    Count(span.State, end, +1);
                }
            }
            foreach (var span in added)
            {
                Count(state, span.Start, +1);
                if (span.End is { } end)
                {
                    Count(state, end, -1);
                }
            }
            foreach (var ((spanState, at), delta) in deltas.Where(d => d.Value != 0))
            {
                await PostAsync(transaction, LedgerSeries.Agency, scope, spanState, Utc(at), delta, cancellationToken);
            }
        }
    }

    private static async Task PostAsync(NpgsqlTransaction transaction, string? series, string model, string state,
        DateTimeOffset at, int delta, CancellationToken cancellationToken)
    {
        if (series is null)
        {
            return;
        }
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO ledger_entries (series, model, state, at, delta) VALUES (@series, @model, @state, @at, @delta);
            INSERT INTO ledger_months (series, model, state, month, delta)
            VALUES (@series, @model, @state, date_trunc('month', @at AT TIME ZONE 'UTC')::date, @delta)
            ON CONFLICT (series, model, state, month) DO UPDATE SET delta = ledger_months.delta + EXCLUDED.delta;
            """, new { series, model, state, at, delta }, transaction, cancellationToken: cancellationToken));
    }

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
