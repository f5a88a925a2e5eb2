using System.Globalization;
using Dapper;
using Npgsql;

namespace Program287g.Drills;

/// <summary>What the books say after a mail drill, message by message (by its Message-ID).</summary>
public sealed record MailBalance((int Delivered, int Recorded) AtFault, int Emails, int Deliveries, int Copies, int Recorded, int Applications, int ExpectedApplications,
    int Inquiries, int ExpectedInquiries, int Acknowledgments, int LeftInInbox, int Lost, int Doubled, TimeSpan Longest,
    IReadOnlyList<string> Findings) : IBalance
{
    /// <summary>Nothing lost, nothing doubled, and nothing still waiting in the inbox to be read.</summary>
    public bool Squares => Lost == 0 && Doubled == 0 && LeftInInbox == 0;

    public string Figures => string.Create(CultureInfo.InvariantCulture,
        $"emails {Emails} ({Deliveries} delivery attempts, {Copies} copies read by the intake), "
        + $"at the kill {AtFault.Delivered} delivered and {AtFault.Recorded} recorded, recorded {Recorded}, "
        + $"applications {Applications}/{ExpectedApplications}, inquiries {Inquiries}/{ExpectedInquiries}, "
        + $"acknowledgments {Acknowledgments}/{Emails}, left in the inbox {LeftInInbox}, lost {Lost}, doubled {Doubled}, "
        + $"longest delivery {Longest.TotalSeconds:0.00} s");
}

/// <summary>Reads, as an auditor would (the databases directly, the mailbox and the maildir), what each email of the
/// run became: exactly one mailbox record, exactly one application (in the Agreement service) or inquiry (in the
/// Notification service) under that record's reference number, and exactly one acknowledgment quoting it. A message
/// delivered twice still counts once: the second copy is the same Message-ID.</summary>
public sealed class MailBooks(DrillServers servers, string run)
{
    private sealed record Record(string MessageId, string Outcome, string Reference, int Copies, int Inquiries);

    /// <summary>One email's verdict: what is wrong (null: nothing) and whether that is a double rather than a loss, or
    /// the acknowledgment it must have.</summary>
    private sealed record Verdict(string? Problem, bool Doubled = false, (string Kind, string Reference)? Acknowledgment = null)
    {
        public static Verdict Lost(string problem) => new(problem);

        public static Verdict Made(string kind, string reference) => new(null, Acknowledgment: (kind, reference));
    }

    public async Task<MailBalance> BalanceAsync(IReadOnlyCollection<MailDelivery> deliveries, (int Delivered, int Recorded) atFault)
    {
        var records = await RecordsAsync();
        var applications = await ApplicationsAsync();
        var mail = await Acknowledgments.CountAsync(servers.Smtp, run, Acknowledgments.Application, Acknowledgments.Inquiry);
        var findings = new List<string>();
        var lost = 0;
        var doubled = 0;
        var expected = new HashSet<(string Kind, string Reference)>();
        foreach (var delivery in deliveries)
        {
            var verdict = Check(delivery, records, applications);
            if (verdict.Acknowledgment is not { } acknowledgment)
            {
                findings.Add($"{delivery.Kind} <{delivery.MessageId}>: {verdict.Problem}");
                lost += verdict.Doubled ? 0 : 1;
                doubled += verdict.Doubled ? 1 : 0;
                continue;
            }
            expected.Add(acknowledgment);
            var count = mail.GetValueOrDefault(acknowledgment);
            if (count != 1)
            {
                findings.Add($"{delivery.Kind} <{delivery.MessageId}> ({acknowledgment.Reference}): {count} acknowledgments; "
                    + await Acknowledgments.NotificationRecordAsync(servers, acknowledgment.Reference));
                lost += count == 0 ? 1 : 0;
                doubled += Math.Max(0, count - 1);
            }
        }
        var strays = mail.Keys.Where(key => !expected.Contains(key)).ToList();
        doubled += strays.Sum(stray => mail[stray]);
        findings.AddRange(strays.Select(stray => $"{stray.Kind} {stray.Reference}: an acknowledgment for no email of the run"));
        var leftInInbox = await servers.Imap.CountAsync("INBOX");
        if (leftInInbox > 0)
        {
            findings.Add($"{leftInInbox} messages still in the inbox");
        }
        return new MailBalance(atFault, deliveries.Count, deliveries.Sum(d => d.Attempts), records.Values.Sum(r => r.Copies), records.Count,
            applications.Values.Sum(a => a.Count), deliveries.Count(d => d.Kind == MailBurst.Application),
            records.Values.Sum(r => r.Inquiries), deliveries.Count(d => d.Kind == MailBurst.Question),
            expected.Count(e => mail.GetValueOrDefault(e) >= 1), leftInInbox, lost, doubled,
            deliveries.Count == 0 ? TimeSpan.Zero : deliveries.Max(d => d.Latency), findings);
    }

    private static Verdict Check(MailDelivery delivery,
        Dictionary<string, Record> records, Dictionary<string, List<string>> applications)
    {
        if (!records.TryGetValue(delivery.MessageId, out var record))
        {
            return Verdict.Lost("never recorded");
        }
        if (delivery.Kind == MailBurst.Question)
        {
            return record switch
            {
                { Outcome: not "inquiry" } => Verdict.Lost($"recorded as {record.Outcome}, not an inquiry"),
                { Inquiries: 0 } => Verdict.Lost("recorded, but no inquiry made of it"),
                _ => Verdict.Made(Acknowledgments.Inquiry, record.Reference),
            };
        }
        var made = applications.GetValueOrDefault(delivery.AgencyName!) ?? [];
        return (record.Outcome, made.Count) switch
        {
            (not "application", _) => Verdict.Lost($"recorded as {record.Outcome}, not an application"),
            (_, 0) => Verdict.Lost("recorded, but no application made of it"),
            (_, > 1) => new Verdict($"made into {made.Count} applications ({string.Join(", ", made)})", Doubled: true),
            _ when made[0] != record.Reference => Verdict.Lost($"recorded as {record.Reference}, but the application is {made[0]}"),
            _ => Verdict.Made(Acknowledgments.Application, record.Reference),
        };
    }

    /// <summary>How many of the run's emails the intake has recorded so far.</summary>
    public async Task<int> RecordedCountAsync()
    {
        await using var notification = new NpgsqlConnection(servers.AuditDatabase(ResourceNames.NotificationDatabase));
        return await notification.ExecuteScalarAsync<int>("SELECT count(*)::int FROM mailbox_messages WHERE subject LIKE @prefix",
            new { prefix = $"Drill {run} %" });
    }

    /// <summary>The run's mailbox records by Message-ID (unique: the record's key), with the copies the intake saw of each.</summary>
    private async Task<Dictionary<string, Record>> RecordsAsync()
    {
        await using var notification = new NpgsqlConnection(servers.AuditDatabase(ResourceNames.NotificationDatabase));
        return (await notification.QueryAsync<Record>("""
            SELECT m.internet_message_id AS "MessageId", m.outcome AS "Outcome", coalesce(m.reference_number, '') AS "Reference",
                   (SELECT count(*) FROM mailbox_copies c WHERE c.message_id = m.id)::int AS "Copies",
                   (SELECT count(*) FROM inquiries i WHERE i.mailbox_message_id = m.id)::int AS "Inquiries"
            FROM mailbox_messages m WHERE m.subject LIKE @prefix AND m.internet_message_id IS NOT NULL
            """, new { prefix = $"Drill {run} %" })).ToDictionary(r => r.MessageId);
    }

    /// <summary>The applications the Agreement service made for the run's agencies, their reference numbers by agency.</summary>
    private async Task<Dictionary<string, List<string>>> ApplicationsAsync()
    {
        await using var agreement = new NpgsqlConnection(servers.AuditDatabase(ResourceNames.AgreementDatabase));
        return (await agreement.QueryAsync<(string AgencyName, string Reference)>("""
            SELECT agency_name, reference_number FROM agreements WHERE agency_name LIKE @prefix
            """, new { prefix = $"Drill {run} County %" }))
            .GroupBy(a => a.AgencyName).ToDictionary(g => g.Key, g => g.Select(a => a.Reference).ToList());
    }
}
