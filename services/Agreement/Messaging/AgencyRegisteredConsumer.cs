using Npgsql;
using Program287g.Agency.V1;
using Program287g.Agreement.Data;
using Program287g.Agreement.Grpc;
using Program287g.Contracts.Agency;
using Program287g.Messaging.Inbox;

namespace Program287g.Agreement.Messaging;

/// <summary>Copies newly registered agencies (version 1), so that their applications need no call to the Agency
/// service. An update that arrived first is newer and stays. In batches: every registration raises one of these, and
/// taken one at a time each cost a transaction of its own on the cores that serve the registrations.</summary>
public sealed class AgencyRegisteredConsumer(NpgsqlDataSource database) : IdempotentBatchConsumer<AgencyRegistered>(database)
{
    protected override Task HandleAsync(IReadOnlyList<AgencyRegistered> messages, NpgsqlTransaction transaction,
        CancellationToken cancellationToken)
    {
        // Not a law enforcement agency: nothing to copy (an application for it is asked about, and refused).
        var agencies = messages
            .Where(agency => Enum.TryParse<AgencyKind>(agency.Kind, out var kind) && kind != AgencyKind.Unspecified)
            .Select(agency => agency.ToSnapshot())
            .ToList();
        return agencies.Count == 0 ? Task.CompletedTask : AgencyCopies.RecordAllAsync(transaction, agencies, cancellationToken);
    }
}
