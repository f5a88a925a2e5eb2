using Dapper;
using Npgsql;
using Program287g.Nominee.Domain;

namespace Program287g.Nominee.Data;

/// <summary>The exam attempts recorded for nominees' training.</summary>
internal static class ExamAttempts
{
    private const string Columns = """
        nominee_id AS NomineeId, exam_id AS ExamId, attempt AS Attempt, score_percent AS ScorePercent, taken_on AS TakenOn
        """;

    /// <summary>Dapper binds dates to properties through DapperDates; the domain record is made from this.</summary>
    private sealed class Row
    {
        public Guid NomineeId { get; init; }
        public string ExamId { get; init; } = "";
        public int Attempt { get; init; }
        public int ScorePercent { get; init; }
        public DateOnly TakenOn { get; init; }

        public ExamAttemptRecord ToRecord() => new(ExamId, Attempt, ScorePercent, TakenOn);
    }

    public static async Task<List<ExamAttemptRecord>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        Guid nomineeId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM exam_attempts WHERE nominee_id = @nomineeId ORDER BY exam_id, attempt",
            new { nomineeId }, transaction, cancellationToken: cancellationToken))).Select(row => row.ToRecord()).ToList();

    /// <summary>The attempts of several nominees at once (a page of a list), by nominee.</summary>
    public static async Task<ILookup<Guid, ExamAttemptRecord>> ReadAsync(NpgsqlConnection connection, IReadOnlyCollection<Guid> nomineeIds,
        CancellationToken cancellationToken) =>
        (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM exam_attempts WHERE nominee_id = ANY(@ids) ORDER BY nominee_id, exam_id, attempt",
            new { ids = nomineeIds.ToArray() }, cancellationToken: cancellationToken))).ToLookup(row => row.NomineeId, row => row.ToRecord());

    public static Task InsertAsync(NpgsqlTransaction transaction, Guid nomineeId, ExamAttemptRecord attempt, DateTime recordedAt,
        CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO exam_attempts (nominee_id, exam_id, attempt, score_percent, taken_on, recorded_at)
            VALUES (@nomineeId, @ExamId, @Attempt, @ScorePercent, @TakenOn, @recordedAt)
            """, new { nomineeId, attempt.ExamId, attempt.Attempt, attempt.ScorePercent, attempt.TakenOn, recordedAt }, transaction,
            cancellationToken: cancellationToken));
}
