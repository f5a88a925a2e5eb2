using Dapper;
using MassTransit;
using Npgsql;
using Program287g.Agreement.Data;
using Program287g.Agreement.Grpc;
using Program287g.Contracts.Agency;
using Program287g.Messaging.Inbox;

namespace Program287g.Agreement.Messaging;

/// <summary>Keeps this service's copy of an agency, and the agreements' copies, current. Versions order the updates:
/// an older one arriving late changes nothing, and a redelivery is stopped by the inbox.</summary>
public sealed class AgencyUpdatedConsumer(NpgsqlDataSource database) : IdempotentConsumer<AgencyUpdated>(database)
{
    protected override async Task HandleAsync(ConsumeContext<AgencyUpdated> context, NpgsqlTransaction transaction)
    {
        var agency = context.Message.ToSnapshot();
        await AgencyCopies.RecordAsync(transaction.Connection!, transaction, agency, context.CancellationToken);
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE agreements SET agency_name = @Name, agency_sort_name = upper(@Name), agency_type = @Type,
                county = @County, contact_name = @ContactName, contact_email = @ContactEmail, agency_version = @Version
            WHERE agency_id = @Id AND agency_version < @Version
            """, agency, transaction, cancellationToken: context.CancellationToken));
    }
}
