using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using Program287g.Contracts.Nominee;
using Program287g.Domain;
using Program287g.Nominee.Data;
using Program287g.Nominee.Domain;
using Program287g.Nominee.Messaging;
using Program287g.Persistence;

namespace Program287g.Nominee.Terms;

/// <summary>Acts on the dates authorizations carry, once they come: an authorization whose agreement's termination
/// takes effect ends that day, and one whose term runs out without refresher training expires. Runs every
/// <see cref="AuthorizationTerms.SweepInterval"/> on the service's clock (a test moves it); several instances share the
/// work (rows another holds are skipped, and each row moves once, since the move re-checks its status).</summary>
public sealed class AuthorizationCalendar(NpgsqlDataSource database, MigrationState migrations, IOptions<AuthorizationTerms> terms,
    TimeProvider clock, ILogger<AuthorizationCalendar> logger) : BackgroundService
{
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.WhenCompleted.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(terms.Value.SweepInterval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The next tick tries again; nothing is lost, since the dates stay on the rows until acted on.
                logger.LogWarning(exception, "The authorization calendar's sweep failed; it runs again in {Interval}", terms.Value.SweepInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: ends and expires everything due today, in batches. Returns how many authorizations moved.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var moved = 0;
        int batch;
        do
        {
            batch = await EndDueAsync(cancellationToken) + await ExpireDueAsync(cancellationToken);
            moved += batch;
        }
        while (batch > 0);
        return moved;
    }

    private async Task<int> EndDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = new { today = ProgramTime.DateOf(now), holding = NomineeStatuses.HoldingAuthorization.Keys() };
        const string where = "n.ends_on <= @today AND n.status = ANY(@holding)";
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var agreements = await AgreementsOfAsync(transaction, where, due, cancellationToken);
        var ended = await AgreementEnd.EndAsync(transaction, where, due, due.today,
            "The agreement's termination took effect; every authorization under it ended.", "agreement-terminated", Actor.Calendar,
            Actor.Calendar.Subject, now, nominee => agreements[nominee.AgreementId], skipLocked: true, cancellationToken, BatchSize);
        await transaction.CommitAsync(cancellationToken);
        return ended.Count;
    }

    private async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = new { today = ProgramTime.DateOf(now), authorized = NomineeStatus.Authorized.Key(), expired = NomineeStatus.Expired.Key() };
        const string where = "n.expires_on <= @today AND n.status = @authorized";
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var agreements = await AgreementsOfAsync(transaction, where, due, cancellationToken);
        var expired = await NomineeMoves.ApplyAsync(transaction, new NomineeMove
        {
            Where = where,
            Set = "status = @expired, authorization_status = 'expired', status_reason = 'The authorization''s term ran out without refresher training.'",
            Parameters = due,
            Action = "expired",
            EffectiveOn = due.today,
            EffectiveOnOf = nominee => nominee.ExpiresOn ?? due.today,
            SkipLocked = true,
            Limit = BatchSize,
        }, Actor.Calendar, now, nominee => [new AuthorizationExpired
        {
            MessageId = Guid.CreateVersion7(), OccurredAt = now, Nominee = NomineeEvents.Snapshot(nominee, agreements[nominee.AgreementId]),
            Actor = Actor.Calendar.Subject, AuthorizationNumber = nominee.AuthorizationNumber!, ExpiredOn = nominee.ExpiresOn ?? due.today,
        }], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return expired.Count;
    }

    /// <summary>The agreements of the nominees a move will touch, for their events.</summary>
    private static async Task<Dictionary<Guid, AgreementView>> AgreementsOfAsync(NpgsqlTransaction transaction, string where,
        object parameters, CancellationToken cancellationToken) =>
        (await transaction.Connection!.QueryAsync<AgreementView>(new CommandDefinition($"""
            SELECT {NomineeColumns.AgreementView} FROM agreements a JOIN agencies g ON g.agency_id = a.agency_id
            WHERE a.agreement_id IN (SELECT n.agreement_id FROM nominees n WHERE {where})
            """, parameters, transaction, cancellationToken: cancellationToken))).ToDictionary(a => a.AgreementId);
}
