using System.Globalization;
using Dapper;
using Grpc.Core;
using Npgsql;

namespace Program287g.Drills;

/// <summary>What the books say after a drill: every effect the run left in the owning databases, every email the SMTP
/// server accepted, and how they square with the calls.</summary>
public sealed record Balance(int Calls, int Ok, int Failed, int Effects, int InDoubt, int ExpectedEmails, int EmailsFound,
    int Lost, int Doubled, SettledInDoubt Settled, TimeSpan Longest, TimeSpan Deadline, IReadOnlyList<string> Findings) : IBalance
{
    public bool Squares => Lost == 0 && Doubled == 0;

    public string Figures => string.Create(CultureInfo.InvariantCulture,
        $"calls {Calls}, OK {Ok}, failed {Failed} ({InDoubt} in doubt, committed), "
        + $"effects {Effects}, emails {EmailsFound}/{ExpectedEmails} ({Settled.Found} found in doubt, {Settled.SentAgain} sent again), "
        + $"lost {Lost}, doubled {Doubled}, longest call {Longest.TotalSeconds:0.00} s of a {Deadline.TotalSeconds:0} s deadline");
}

/// <summary>The run's emails whose send was cut off after the server may have taken it, as the Notification service
/// settled them: found in the maildir by its delivery check (not sent again), or not found and sent again.</summary>
public sealed record SettledInDoubt(int Found, int SentAgain);

/// <summary>Reads the four services' databases (as an auditor would: directly, not through the APIs under test) and the
/// SMTP server's maildir, and checks them against the calls: each call that returned OK has its effect; every effect
/// the run left, whether its call returned OK or failed in doubt, has exactly one email of its kind; and a failed call
/// left either its whole effect (email included) or nothing.</summary>
public sealed class Books(DrillServers servers, string run)
{
    private const string Application = Acknowledgments.Application;
    private const string Signing = "287(g) agreement signed:";
    private const string Nomination = "287(g) nomination received:";
    private const string Inquiry = Acknowledgments.Inquiry;

    private sealed record Effects(Dictionary<string, string> Agencies, Dictionary<string, (string Id, string Reference, string Status)> Agreements,
        Dictionary<string, (string Id, string Reference)> Nominees, Dictionary<string, (string Id, string Reference)> Inquiries);

    public async Task<Balance> BalanceAsync(IReadOnlyCollection<CallRecord> calls, TimeSpan deadline)
    {
        var effects = await EffectsAsync();
        var mail = await Acknowledgments.CountAsync(servers.Smtp, run, Application, Signing, Nomination, Inquiry);
        var findings = new List<string>();
        var expected = new List<(string Kind, string Reference)>();
        expected.AddRange(effects.Agreements.Values.Select(a => (Application, a.Reference)));
        expected.AddRange(effects.Agreements.Values.Where(a => a.Status != "pending").Select(a => (Signing, a.Reference)));
        expected.AddRange(effects.Nominees.Values.Select(n => (Nomination, n.Reference)));
        expected.AddRange(effects.Inquiries.Values.Select(i => (Inquiry, i.Reference)));
        var lost = 0;
        var doubled = 0;
        foreach (var (kind, reference) in expected)
        {
            var count = mail.GetValueOrDefault((kind, reference));
            if (count != 1)
            {
                findings.Add($"{kind} {reference}: {count} emails; {await Acknowledgments.NotificationRecordAsync(servers, reference)}");
                lost += count == 0 ? 1 : 0;
                doubled += count > 1 ? count - 1 : 0;
            }
        }
        var strays = mail.Keys.Except(expected).ToList();
        doubled += strays.Sum(stray => mail[stray]);
        findings.AddRange(strays.Select(stray => $"{stray.Kind} {stray.Reference}: an email for no effect of the run"));
        var ok = calls.Where(c => c.Code == StatusCode.OK).ToList();
        var missing = ok.Where(c => !HasEffect(c, effects)).ToList();
        lost += missing.Count;
        findings.AddRange(missing.Select(c => $"{c.Kind} {c.Key} returned OK but its effect is not in the database"));
        var inDoubt = calls.Count(c => c.Code != StatusCode.OK && HasEffect(c, effects));
        return new Balance(calls.Count, ok.Count, calls.Count - ok.Count, ok.Count - missing.Count + inDoubt, inDoubt, expected.Count,
            expected.Count(e => mail.GetValueOrDefault(e) >= 1), lost, doubled,
            await SettledInDoubtAsync(expected.Select(e => e.Reference).Distinct().ToArray()), calls.Max(c => c.Latency), deadline, findings);
    }

    private static bool HasEffect(CallRecord call, Effects effects) => call.Kind switch
    {
        "register" => effects.Agencies.ContainsKey(call.Key),
        "apply" => effects.Agreements.ContainsKey(call.Key),
        "sign" => effects.Agreements.Values.Any(a => a.Id == call.Key && a.Status != "pending"),
        "nominate" => effects.Nominees.ContainsKey(call.Key),
        "inquire" => effects.Inquiries.ContainsKey(call.Key),
        _ => throw new ArgumentOutOfRangeException(nameof(call), call.Kind, null),
    };

    private async Task<Effects> EffectsAsync()
    {
        var prefix = $"Drill {run} County %";
        await using var agency = new NpgsqlConnection(servers.AuditDatabase(ResourceNames.AgencyDatabase));
        var agencies = (await agency.QueryAsync<(string Name, string Id)>(
            "SELECT name, id::text FROM agencies WHERE name LIKE @prefix", new { prefix })).ToDictionary(a => a.Name, a => a.Id);
        await using var agreement = new NpgsqlConnection(servers.AuditDatabase(ResourceNames.AgreementDatabase));
        var agreements = (await agreement.QueryAsync<(string AgencyId, string Id, string Reference, string Status)>("""
            SELECT agency_id::text, id::text, reference_number, status FROM agreements WHERE agency_name LIKE @prefix
            """, new { prefix })).ToDictionary(a => a.AgencyId, a => (a.Id, a.Reference, a.Status));
        var agreementIds = agreements.Values.Select(a => Guid.Parse(a.Id)).ToArray();
        await using var nominee = new NpgsqlConnection(servers.AuditDatabase(ResourceNames.NomineeDatabase));
        var nominees = (await nominee.QueryAsync<(string Key, string Id, string Reference)>("""
            SELECT agreement_id::text || '/' || badge_number, id::text, reference_number FROM nominees WHERE agreement_id = ANY(@agreementIds)
            """, new { agreementIds })).ToDictionary(n => n.Key, n => (n.Id, n.Reference));
        await using var notification = new NpgsqlConnection(servers.AuditDatabase(ResourceNames.NotificationDatabase));
        var inquiries = (await notification.QueryAsync<(string RequestId, string Id, string Reference)>("""
            SELECT request_id::text, id::text, reference_number FROM inquiries WHERE subject LIKE @subject
            """, new { subject = $"Drill {run} question %" })).ToDictionary(i => i.RequestId, i => (i.Id, i.Reference));
        return new Effects(agencies, agreements, nominees, inquiries);
    }

    private async Task<SettledInDoubt> SettledInDoubtAsync(string[] references)
    {
        await using var notification = new NpgsqlConnection(servers.AuditDatabase(ResourceNames.NotificationDatabase));
        return await notification.QuerySingleAsync<SettledInDoubt>("""
            SELECT count(*) FILTER (WHERE delivery_note LIKE '%recorded as sent, not sent again.')::int AS "Found",
                   count(*) FILTER (WHERE delivery_note LIKE '%sent again under the same Message-ID.')::int AS "SentAgain"
            FROM notifications WHERE reference_number = ANY(@references)
            """, new { references });
    }
}
