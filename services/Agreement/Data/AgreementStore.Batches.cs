using System.Text.Json;
using Dapper;
using Npgsql;
using Program287g.Agreement.Domain;

namespace Program287g.Agreement.Data;

/// <summary>A new application or agreement for <see cref="AgreementStore.InsertAllAsync"/>: its first period runs from
/// <paramref name="StartsAt"/>, and its history row says <paramref name="Note"/>.</summary>
internal sealed record NewAgreement(AgreementRecord Draft, DateTimeOffset StartsAt, string Note);

/// <summary>Writes of many agreements at once, for an import that settles a chunk of rows in one transaction: a few
/// statements whatever the number of rows, each doing what the one-agreement write beside it does.</summary>
public sealed partial class AgreementStore
{
    /// <summary>The agreements table's columns by name: jsonb_populate_recordset matches the keys to them.</summary>
    private static readonly JsonSerializerOptions ColumnNames = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Inserts each new application or agreement (none with documents or a termination) with its first period,
    /// ledger entries and history row, as <see cref="InsertAsync"/> does one. Null when any one's place was taken: the
    /// caller must then roll back, as the others were written.</summary>
    internal static async Task<IReadOnlyList<AgreementRecord>?> InsertAllAsync(NpgsqlTransaction transaction,
        IReadOnlyList<NewAgreement> drafts, Actor actor, string action, CancellationToken cancellationToken)
    {
        if (drafts.Any(d => d.Draft.LetterOfInterest is not null || d.Draft.AgencySignedMoa is not null || d.Draft.Termination is not null))
        {
            // Their JSON columns are written by Dapper's handlers, in another shape than these column names would give.
            throw new ArgumentException("Only agreements without documents or a termination are inserted together.", nameof(drafts));
        }
        var connection = transaction.Connection!;
        var numbers = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT nextval('agreement_reference_numbers') FROM generate_series(1, @count)", new { count = drafts.Count },
            transaction, cancellationToken: cancellationToken))).AsList();
        var records = drafts.Select((d, i) => d.Draft with { ReferenceNumber = ReferenceNumbers.Format(d.Draft.SubmittedAt, numbers[i]) })
            .ToList();
        var inserted = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO agreements SELECT * FROM jsonb_populate_recordset(NULL::agreements, @rows::jsonb) ON CONFLICT DO NOTHING
            """, new { rows = JsonSerializer.Serialize(records, ColumnNames) }, transaction, cancellationToken: cancellationToken));
        if (inserted < records.Count)
        {
            return null;
        }
        await Timeline.OpenAllAsync(transaction, [.. records.Select((r, i) => (r, drafts[i].StartsAt))], cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO transitions (agreement_id, seq, from_status, to_status, action, effective_at, recorded_at, actor, actor_role, note)
            SELECT id, 1, NULL, status, @action, effective_at, recorded_at, @subject, @role, note
            FROM unnest(@ids::uuid[], @statuses::text[], @effectiveAt::timestamptz[], @recordedAt::timestamptz[], @notes::text[])
                AS h(id, status, effective_at, recorded_at, note)
            """, new
            {
                action, subject = actor.Subject, role = actor.Role,
                ids = records.Select(r => r.Id).ToArray(),
                statuses = records.Select(r => r.Status).ToArray(),
                effectiveAt = drafts.Select(d => d.StartsAt.UtcDateTime).ToArray(),
                recordedAt = records.Select(r => r.UpdatedAt).ToArray(),
                notes = drafts.Select(d => d.Note).ToArray(),
            }, transaction, cancellationToken: cancellationToken));
        return records;
    }

    /// <summary>Sets each agreement's MOA and addendum links (ICE posts the PDFs after signing).</summary>
    internal static Task UpdateLinksAsync(NpgsqlTransaction transaction, IReadOnlyList<(Guid Id, string? MoaUrl, string? AddendumUrl)> links,
        DateTime now, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE agreements a SET moa_url = l.moa_url, addendum_url = l.addendum_url, updated_at = @now, version = a.version + 1
            FROM unnest(@ids::uuid[], @moaUrls::text[], @addendumUrls::text[]) AS l(id, moa_url, addendum_url)
            WHERE a.id = l.id
            """, new
            {
                now,
                ids = links.Select(l => l.Id).ToArray(),
                moaUrls = links.Select(l => l.MoaUrl).ToArray(),
                addendumUrls = links.Select(l => l.AddendumUrl).ToArray(),
            }, transaction, cancellationToken: cancellationToken));
}
