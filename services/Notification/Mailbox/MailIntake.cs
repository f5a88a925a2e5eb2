using System.Diagnostics;
using System.Text;
using Npgsql;
using Program287g.Contracts.Mailbox;
using Program287g.Messaging.Outbox;
using Program287g.Notification.Data;
using Program287g.Notification.Domain;
using Program287g.Persistence;
using Program287g.ServiceDefaults;

namespace Program287g.Notification.Mailbox;

/// <summary>A message as the server gave it: its bytes (null when larger than the limit: then only its header section),
/// its size and when the server received it.</summary>
public sealed record ServerMessage(ServerCopy Copy, byte[]? Raw, byte[] HeaderSection, long SizeBytes, DateTimeOffset ReceivedAt);

/// <summary>Records a message and what it becomes in one transaction: the record (unique by the message's key), the
/// copy, and the inquiry with its acknowledgment, or the event that asks the Agreement service for the application or
/// adds to a record's history (through the outbox, so it is sent if and only if the record commits). A second copy of a
/// recorded message, and a message read again after a crash before its move, add a copy and nothing else.</summary>
public sealed class MailIntake(NpgsqlDataSource database, MailDeciding deciding, MailInquiries inquiries,
    MailboxMetrics metrics, TimeProvider clock)
{
    /// <summary>Who the mailbox's records name as their author.</summary>
    public const string Actor = "mailbox";

    private static readonly ActivitySource Tracer = new(TelemetrySources.Program287g);

    /// <summary>The outcome, or null when the message was a copy of one recorded before.</summary>
    public async Task<MailboxOutcome?> RecordAsync(ServerMessage message, CancellationToken cancellationToken)
    {
        // Each message is the start of its own trace: the intake, the application, the acknowledgment's send.
        using var activity = Tracer.StartActivity("mailbox intake", ActivityKind.Consumer, parentContext: default);
        activity?.SetTag("program287g.mailbox.uid", message.Copy.Uid);
        var mail = IncomingMail.Parse(message.Raw ?? message.HeaderSection);
        var key = mail?.Key ?? IncomingMail.KeyOf(null, message.Raw ?? message.HeaderSection);
        if (await RecordCopyOfKnownAsync(key, message.Copy, cancellationToken))
        {
            activity?.SetTag("program287g.mailbox.outcome", "copy");
            return null;
        }
        var decision = mail is null
            ? new MailDecision(MailboxOutcome.Malformed, "Not a readable email message", NeedsAttention: true, MakesInquiry: false)
            : message.Raw is null ? TooLarge(mail, message)
            : await DecideAsync(mail, cancellationToken);
        activity?.SetTag("program287g.mailbox.outcome", decision.Outcome.Key());
        var record = Record(message, mail, key, decision, activity);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await MailboxStore.InsertAsync(transaction, record, message.Raw, cancellationToken))
        {
            // Another copy of the same message was recorded meanwhile (two intakes, two copies): that one stands.
            await MailboxStore.AddCopyAsync(transaction, key, message.Copy, record.RecordedAt, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return null;
        }
        await MailboxStore.AddCopyAsync(transaction, key, message.Copy, record.RecordedAt, cancellationToken);
        await ActAsync(transaction, record, mail, decision, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        metrics.Recorded(decision.Outcome);
        return decision.Outcome;
    }

    /// <summary>The decision; a message the decision cannot be made for (a failure that is the message's, not the
    /// servers') is recorded for a person, so that one message cannot stop the mailbox. A server that cannot answer
    /// throws: the message stays in the inbox and is read again.</summary>
    private async Task<MailDecision> DecideAsync(IncomingMail mail, CancellationToken cancellationToken)
    {
        try
        {
            return await deciding.DecideAsync(mail, cancellationToken);
        }
        catch (Exception exception) when (!IsTransient(exception))
        {
            return new MailDecision(MailboxOutcome.Malformed, $"Could not be read: {exception.GetType().Name}: {exception.Message}",
                NeedsAttention: true, MakesInquiry: false);
        }
    }

    private static bool IsTransient(Exception exception) => exception is global::Grpc.Core.RpcException or NpgsqlException
        or IOException or TimeoutException or OperationCanceledException or System.Net.Sockets.SocketException;

    private async Task<bool> RecordCopyOfKnownAsync(string key, ServerCopy copy, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await MailboxStore.AddCopyAsync(transaction, key, copy, DatabaseTime.ToStoredPrecision(clock.GetUtcNow()), cancellationToken);
        var known = await MailboxStore.CopyRecordedAsync(transaction, copy, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return known;
    }

    private async Task ActAsync(NpgsqlTransaction transaction, MailboxMessageRecord record, IncomingMail? mail,
        MailDecision decision, CancellationToken cancellationToken)
    {
        if (mail is null)
        {
            return;
        }
        var origin = Origin(record, mail);
        if (decision.MakesInquiry)
        {
            var inquiry = await inquiries.CreateAsync(transaction, origin, mail.Text, decision.AgencyId, cancellationToken);
            await MailboxStore.UpdateOutcomeAsync(transaction, record.Id, decision.Outcome, decision.Reason, decision.NeedsAttention,
                inquiry.ReferenceNumber, inquiry.Id, decision.AgencyId, cancellationToken);
        }
        else if (decision.Outcome == MailboxOutcome.Application)
        {
            await transaction.EnqueueAsync(MailedApplications.Event(origin, decision.AgencyId!.Value, decision.Application!, Actor,
                clock.GetUtcNow()), cancellationToken);
        }
        else if (decision.ReferenceNumber is { } reference && QuotedReferences.IsAgreement(reference))
        {
            await transaction.EnqueueAsync(new CorrespondenceReceived
            {
                MessageId = Guid.CreateVersion7(), OccurredAt = clock.GetUtcNow(), ReferenceNumber = reference, Mail = origin,
            }, cancellationToken);
        }
    }

    /// <summary>Too large to read: its headers say who wrote it. A person's is an inquiry, for a person to look at on the
    /// server; an automatic one is only recorded.</summary>
    private MailDecision TooLarge(IncomingMail headers, ServerMessage message)
    {
        var reason = $"{message.SizeBytes:N0} bytes, above the limit: its headers are recorded, the message is kept on the "
            + $"server in the folder {message.Copy.Folder} was moved to";
        var automatic = deciding.AutomaticReason(headers);
        return new MailDecision(MailboxOutcome.TooLarge, automatic is null ? reason : $"{reason}; automatic mail ({automatic})",
            NeedsAttention: true, MakesInquiry: automatic is null && headers.ReplyTo is not null);
    }

    private MailboxMessageRecord Record(ServerMessage message, IncomingMail? mail, string key, MailDecision decision, Activity? activity)
    {
        var now = DatabaseTime.ToStoredPrecision(clock.GetUtcNow());
        return new MailboxMessageRecord
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), MessageKey = key, InternetMessageId = mail?.MessageId,
            ReceivedAt = DatabaseTime.ToStoredPrecision(message.ReceivedAt), RecordedAt = now,
            FromAddress = mail?.ReplyTo?.Address, FromName = string.IsNullOrWhiteSpace(mail?.ReplyTo?.Name) ? null : mail.ReplyTo.Name,
            Subject = mail?.Subject ?? "(unreadable)", SizeBytes = message.SizeBytes, Outcome = decision.Outcome.Key(),
            OutcomeReason = decision.Reason, ReferenceNumber = decision.ReferenceNumber, AgencyId = decision.AgencyId,
            NeedsAttention = decision.NeedsAttention, Headers = Encoding.UTF8.GetString(message.HeaderSection),
            TraceParent = activity?.Id, TraceState = activity?.TraceStateString,
        };
    }

    public static MailOrigin Origin(MailboxMessageRecord record, IncomingMail mail) => new()
    {
        MailboxMessageId = record.Id, FromAddress = mail.ReplyTo!.Address, FromName = record.FromName, MessageId = mail.MessageId,
        Subject = mail.Subject, ReceivedAt = new DateTimeOffset(record.ReceivedAt, TimeSpan.Zero),
    };
}
