using Dapper;
using MassTransit;
using Npgsql;
using Program287g.Agreement.Data;
using Program287g.Contracts.Mailbox;
using Program287g.Messaging.Inbox;

namespace Program287g.Agreement.Messaging;

/// <summary>An email that continues an application's or agreement's correspondence joins its history, its status
/// unchanged. A reference this service does not hold (a nomination's, an inquiry's) is not its record: nothing to do.</summary>
public sealed class CorrespondenceReceivedConsumer(NpgsqlDataSource database, TimeProvider clock) : IdempotentConsumer<CorrespondenceReceived>(database)
{
    public const string Action = "correspondence";

    protected override async Task HandleAsync(ConsumeContext<CorrespondenceReceived> context, NpgsqlTransaction transaction)
    {
        var received = context.Message;
        var agreement = await transaction.Connection!.QuerySingleOrDefaultAsync<(Guid Id, string Status)?>(new CommandDefinition(
            "SELECT id, status FROM agreements WHERE reference_number = @ReferenceNumber FOR UPDATE", received, transaction,
            cancellationToken: context.CancellationToken));
        if (agreement is not { } found)
        {
            return;
        }
        var mail = received.Mail;
        var note = $"Email from {mail.FromName} <{mail.FromAddress}>: \"{mail.Subject}\""
            + (mail.MessageId is { } id ? $" (Message-ID <{id}>)" : "") + "; kept in the program mailbox.";
        await AgreementStore.AppendHistoryAsync(transaction, found.Id, found.Status, found.Status, Action, mail.ReceivedAt,
            new Domain.Actor("mailbox", ApplicationReceivedByMailConsumer.MailboxRole), note,
            Persistence.DatabaseTime.ToStoredPrecision(clock.GetUtcNow()), context.CancellationToken);
    }
}
