using Dapper;
using Npgsql;

namespace Program287g.Agreement.Data;

/// <summary>Where a document's bytes belong: one agreement's letter of interest or MOA, or one of its addenda
/// (<see cref="AddendumNumber"/> counts them from 1 in the order they were recorded).</summary>
public sealed record DocumentHolder
{
    public const string LetterOfInterest = "letter_of_interest";
    public const string Moa = "moa";
    public const string Addendum = "addendum";

    public required Guid AgreementId { get; init; }
    public required Guid AgencyId { get; init; }
    public required string ReferenceNumber { get; init; }
    public required string Kind { get; init; }
    public Guid? AddendumId { get; init; }
    public int AddendumNumber { get; init; }
    /// <summary>The stored bytes' length; null if the bytes are missing, which a submission never leaves.</summary>
    public long? SizeBytes { get; init; }
}

/// <summary>Reads of the documents table. Documents are kept by content hash and never changed or removed, so
/// reads in separate statements all see the same bytes.</summary>
public sealed class DocumentStore(NpgsqlDataSource dataSource)
{
    /// <summary>The holder of the document's bytes that the header should name: only holders submitted with the bytes
    /// count (a reference names a hash, it does not prove the caller had the document); of those, the given agreement's,
    /// else <paramref name="preferredAgencyId"/>'s first, then the earliest submitted. Null if there is none.</summary>
    public async Task<DocumentHolder?> FindHolderAsync(string sha256, Guid? agreementId, Guid? preferredAgencyId,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<DocumentHolder>(new CommandDefinition("""
            WITH holders AS (
                SELECT a.id, a.agency_id, a.reference_number, a.submitted_at, 1 AS ordinal, 'letter_of_interest' AS kind,
                       NULL::uuid AS addendum_id, 0::bigint AS addendum_number
                FROM agreements a
                WHERE a.letter_of_interest->>'sha256' = @sha256 AND a.letter_of_interest->>'uri' IS NULL
                UNION ALL
                SELECT a.id, a.agency_id, a.reference_number, a.submitted_at, 2, 'moa', NULL, 0
                FROM agreements a
                WHERE a.agency_signed_moa->>'sha256' = @sha256 AND a.agency_signed_moa->>'uri' IS NULL
                UNION ALL
                SELECT a.id, a.agency_id, a.reference_number, a.submitted_at, 3, 'addendum', d.id,
                       (SELECT count(*) FROM addenda e WHERE e.agreement_id = d.agreement_id
                          AND (e.recorded_at, e.id) <= (d.recorded_at, d.id))
                FROM addenda d JOIN agreements a ON a.id = d.agreement_id
                WHERE d.document->>'sha256' = @sha256 AND d.document->>'uri' IS NULL
            )
            SELECT h.id AS AgreementId, h.agency_id AS AgencyId, h.reference_number AS ReferenceNumber, h.kind AS Kind,
                   h.addendum_id AS AddendumId, h.addendum_number::int AS AddendumNumber,
                   (SELECT octet_length(data)::bigint FROM documents WHERE sha256 = @sha256) AS SizeBytes
            FROM holders h
            WHERE @agreementId::uuid IS NULL OR h.id = @agreementId
            ORDER BY coalesce(h.agency_id = @preferredAgencyId, false) DESC, h.submitted_at, h.id, h.ordinal, h.addendum_number
            LIMIT 1
            """, new { sha256, agreementId, preferredAgencyId }, cancellationToken: cancellationToken));
    }

    /// <summary>Up to <paramref name="length"/> bytes from <paramref name="offset"/> (0-based). The bytes are bytea,
    /// kept out of line by TOAST: substring() reads only the TOAST chunks that cover the slice (a compressed value is
    /// decompressed only up to its end), so a document is streamed in its 64 KiB pieces without the service holding
    /// more than one of them, and each piece is its own short statement, so no pooled connection is held while a slow
    /// client reads. A sequential reader would hold one for the whole download.</summary>
    public async Task<byte[]> ReadChunkAsync(string sha256, int offset, int length, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<byte[]>(new CommandDefinition(
            "SELECT substring(data FROM @start FOR @length) FROM documents WHERE sha256 = @sha256",
            new { sha256, start = offset + 1, length }, cancellationToken: cancellationToken))
            ?? throw new InvalidOperationException($"The bytes of document {sha256} are gone.");
    }
}
