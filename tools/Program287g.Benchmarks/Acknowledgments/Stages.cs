using Dapper;
using HdrHistogram;
using Npgsql;

namespace Program287g.Benchmarks.Acknowledgments;

/// <summary>Where the time goes, from the Notification service's own record of each acknowledgment: from the
/// application's submission (the Agreement service's clock) to the notification's record (the consumer, after the
/// outbox and RabbitMQ), and from the record to the SMTP server's acceptance (the sender).</summary>
public static class Stages
{
    public static async Task<(LongHistogram ToRecord, LongHistogram ToSent)> MeasureAsync(string database, IReadOnlyCollection<string> references)
    {
        await using var connection = new NpgsqlConnection(database);
        var rows = await connection.QueryAsync<(double ToRecord, double ToSent)>("""
            SELECT extract(epoch FROM created_at - received_at) * 1e6, extract(epoch FROM sent_at - created_at) * 1e6
            FROM notifications WHERE reference_number = ANY(@references) AND sent_at IS NOT NULL
            """, new { references = references.ToArray() });
        var toRecord = new LongHistogram(120_000_000, 3);
        var toSent = new LongHistogram(120_000_000, 3);
        foreach (var (record, sent) in rows)
        {
            toRecord.RecordValue(Math.Clamp((long)record, 1, 120_000_000));
            toSent.RecordValue(Math.Clamp((long)sent, 1, 120_000_000));
        }
        return (toRecord, toSent);
    }
}
