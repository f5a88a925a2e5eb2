using MassTransit;
using Npgsql;
using Program287g.Agency.V1;
using Program287g.Agreement.Data;
using Program287g.Agreement.Grpc;
using Program287g.Contracts.Agency;
using Program287g.Messaging.Inbox;

namespace Program287g.Agreement.Messaging;

/// <summary>Copies a newly registered agency (version 1), so that its application needs no call to the Agency service.
/// An update that arrived first is newer and stays.</summary>
public sealed class AgencyRegisteredConsumer(NpgsqlDataSource database) : IdempotentConsumer<AgencyRegistered>(database)
{
    protected override Task HandleAsync(ConsumeContext<AgencyRegistered> context, NpgsqlTransaction transaction)
    {
        var agency = context.Message;
        if (!Enum.TryParse<AgencyKind>(agency.Kind, out var kind) || kind == AgencyKind.Unspecified)
        {
            return Task.CompletedTask; // not a law enforcement agency: an application for it is asked about, and refused
        }
        return AgencyCopies.RecordAsync(transaction.Connection!, transaction, agency.ToSnapshot(), context.CancellationToken);
    }
}
