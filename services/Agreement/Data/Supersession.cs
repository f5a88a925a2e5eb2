using Dapper;
using Npgsql;
using Program287g.Agreement.Domain;
using Program287g.Domain;
using Program287g.Messaging.Outbox;
using Program287g.Persistence;

namespace Program287g.Agreement.Data;

/// <summary>A re-signed MOA: who signed it, when, and where it is published.</summary>
public sealed record ReSigning(DocumentInfo? AgencySignedMoa, StoredDocument? Stored, string IceSignerName, string IceSignerTitle,
    DateOnly IceSignedOn, string? MoaUrl, string? AddendumUrl, string Source);

/// <summary>Supersedes an agreement with its re-signed successor in the caller's transaction: the old one becomes
/// superseded and the new one is in force from the same moment, so the agency is never without an agreement nor
/// holding two. Both events are raised. An open renewal of the old agreement now renews the new one.</summary>
public static class Supersession
{
    public static async Task<(TransitionOutcome Outcome, AgreementRecord? Replacement)> ApplyAsync(NpgsqlTransaction transaction,
        Guid agreementId, ReSigning resigning, Actor actor, DateTimeOffset now, Action<AgreementRecord>? check,
        CancellationToken cancellationToken)
    {
        var replacementId = Guid.CreateVersion7();
        var stored = DatabaseTime.ToStoredPrecision(now);
        AgreementRecord? replacement = null;
        var outcome = await AgreementStore.TransitionAsync(transaction, agreementId, LifecycleAction.Supersede, actor, current =>
        {
            check?.Invoke(current);
            return new TransitionPlan
            {
                After = current with { SupersededBy = replacementId, UpdatedAt = stored },
                EffectiveAt = ProgramTime.StartOf(resigning.IceSignedOn),
                Note = $"Superseded by re-signed agreement {replacementId}",
                Event = after => AgreementEvents.Superseded(after, actor, resigning.Source, now),
                AlsoWrite = async tx =>
                {
                    // The replacement starts exactly where the old one's superseded period began.
                    var startsAt = await tx.Connection!.QuerySingleAsync<DateTime>(new CommandDefinition(
                        "SELECT lower(valid) FROM status_periods WHERE agreement_id = @Id AND upper_inf(valid)",
                        current, tx, cancellationToken: cancellationToken));
                    var draft = current with
                    {
                        Id = replacementId, Status = AgreementStatus.Active.Key(), StatusReason = null, SubmittedAt = stored,
                        AgencySignedMoa = resigning.AgencySignedMoa ?? current.AgencySignedMoa,
                        IceSignerName = resigning.IceSignerName, IceSignerTitle = resigning.IceSignerTitle,
                        IceSignedOn = resigning.IceSignedOn, ActiveFrom = resigning.IceSignedOn, Termination = null,
                        SupersededBy = null, Supersedes = current.Id, MoaUrl = resigning.MoaUrl, AddendumUrl = resigning.AddendumUrl,
                        Source = resigning.Source, UpdatedAt = stored, Version = 1,
                    };
                    replacement = await AgreementStore.InsertAsync(tx, draft,
                        new DateTimeOffset(DateTime.SpecifyKind(startsAt, DateTimeKind.Utc)), actor, "re-signed",
                        $"Re-signed; supersedes {current.Id}", resigning.Stored is null ? [] : [resigning.Stored], cancellationToken)
                        ?? throw new InvalidOperationException("The superseded agreement still held the agency's place for the model.");
                    await tx.EnqueueAsync(AgreementEvents.SignedAgreement(replacement, actor, resigning.Source, now), cancellationToken);
                    await Renewals.MoveToReplacementAsync(tx, current.Id, replacement.Id, now, cancellationToken);
                },
            };
        }, cancellationToken);
        return (outcome, replacement);
    }
}
