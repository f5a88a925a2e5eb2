using Dapper;
using MassTransit;
using Npgsql;
using Program287g.Contracts.Agency;
using Program287g.Messaging.Inbox;

namespace Program287g.Nominee.Messaging;

/// <summary>Keeps this service's copy of an agency (its name and point of contact, whom the events name) current.
/// Versions order the updates: an older one arriving late changes nothing, and a redelivery is stopped by the inbox.</summary>
public sealed class AgencyUpdatedConsumer(NpgsqlDataSource database) : IdempotentConsumer<AgencyUpdated>(database)
{
    protected override Task HandleAsync(ConsumeContext<AgencyUpdated> context, NpgsqlTransaction transaction) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE agencies SET name = @Name, state = @State, contact_name = @ContactName, contact_email = @ContactEmail,
                version = @Version
            WHERE agency_id = @AgencyId AND version < @Version
            """, context.Message, transaction, cancellationToken: context.CancellationToken));
}
