using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Npgsql;
using Program287g.Contracts;
using Program287g.Contracts.Nominee;
using Program287g.Domain;
using Program287g.Messaging.Outbox;
using Program287g.Nominee.V1;
using Program287g.Persistence;

namespace Program287g.Benchmarks.Bare;

/// <summary>NominateOfficer with nothing but its database work, as the real service does it: the agreement as the service
/// last heard of it (NomineeStore.KnownActiveAsync); when that is not an active agreement of the agency, the two reads the
/// real service then asks of the Agency and Agreement services (here their rows read directly) and the recording of
/// what they said; then what NomineeStore.NominateAsync writes, in its round trips and transaction.</summary>
public sealed partial class BareWritesService
{
    public override async Task<NominateOfficerResponse> NominateOfficer(NominateOfficerRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var known = await KnownActiveAsync(Guid.Parse(request.AgencyId), Guid.Parse(request.AgreementId), cancellationToken);
        var agency = known?.Agency ?? await FindAgencyAsync(Guid.Parse(request.AgencyId), cancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"No agency {request.AgencyId}."));
        var agreement = known?.Agreement ?? await FindAgreementAsync(Guid.Parse(request.AgreementId), cancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"No agreement {request.AgreementId}."));
        var now = DatabaseTime.ToStoredPrecision(DateTimeOffset.UtcNow);
        var today = ProgramTime.DateOf(now);
        var id = Guid.CreateVersion7();
        var officer = request.Officer;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (known is null)
        {
            await ExecuteAsync(transaction, BareNomineeSql.RecordAgency, cancellationToken, ("AgencyId", agency.Id), ("AgencyName", agency.Name),
                ("State", agency.State), ("ContactName", agency.ContactName), ("ContactEmail", agency.ContactEmail), ("AgencyVersion", agency.Version));
            await ExecuteAsync(transaction, BareNomineeSql.RecordAgreement, cancellationToken, ("AgreementId", agreement.Id), ("AgencyId", agency.Id),
                ("ReferenceNumber", agreement.Reference), ("Model", agreement.Model), ("Status", agreement.Status), ("StatusAt", agreement.UpdatedAt));
        }
        await ScalarAsync(transaction, BareNomineeSql.LockAgreement, cancellationToken, ("AgreementId", agreement.Id));
        var number = (long)(await ScalarAsync(transaction, BareNomineeSql.NextReference, cancellationToken))!;
        var reference = $"287G-N-{today.Year}-{number:D6}";
        var inserted = await ExecuteAsync(transaction, BareNomineeSql.InsertNominee, cancellationToken,
            ("Id", id), ("ReferenceNumber", reference), ("AgencyId", agency.Id), ("AgreementId", agreement.Id), ("Model", agreement.Model),
            ("GivenName", officer.GivenName), ("MiddleName", null), ("FamilyName", officer.FamilyName),
            ("SortName", $"{officer.FamilyName} {officer.GivenName}".ToUpperInvariant()), ("BadgeNumber", officer.BadgeNumber),
            ("BadgeKey", officer.BadgeNumber.ToUpperInvariant()), ("DateOfBirth", ToDate(officer.DateOfBirth)), ("Email", officer.Email),
            ("Phone", null), ("UsCitizen", request.UsCitizen), ("FirstSwornOn", ToDate(request.FirstSwornOn)),
            ("AttestedBy", request.Attestation.AttestedBy), ("AttestedTitle", request.Attestation.Title),
            ("AttestedOn", ToDate(request.Attestation.AttestedOn)), ("AttestsJurisdiction", request.Attestation.KnowsAndHasEnforcedJurisdictionLaws),
            ("NominatedAt", now), ("NominatedOn", today), ("Eligible", true), ("IneligibilityReasons", Array.Empty<string>()),
            ("Status", "eligible"), ("UpdatedAt", now));
        if (inserted == 0)
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, $"Badge {officer.BadgeNumber} already has an open nomination."));
        }
        await ExecuteAsync(transaction, BareNomineeSql.AppendStep, cancellationToken, ("ids", new[] { id }), ("froms", new string?[] { null }),
            ("tos", new[] { "eligible" }), ("actions", new[] { "nominated" }), ("effective", new[] { today }), ("recorded", new[] { now }),
            ("actors", new[] { Actor }), ("roles", new[] { ActorRole }), ("notes", new string?[] { null }));
        var snapshot = new NomineeSnapshot
        {
            NomineeId = id, ReferenceNumber = reference, AgencyId = agency.Id, AgencyName = agency.Name, State = agency.State,
            AgreementId = agreement.Id, AgreementReference = agreement.Reference, Model = agreement.Model,
            OfficerName = $"{officer.GivenName} {officer.FamilyName}", Status = "eligible", ContactName = agency.ContactName,
            ContactEmail = agency.ContactEmail,
        };
        await transaction.EnqueueAsync(new IntegrationEvent[]
        {
            new OfficerNominated
            {
                MessageId = Guid.CreateVersion7(), OccurredAt = now, Nominee = snapshot, Actor = Actor, NominatedAt = now,
                NominatedBy = request.Attestation.AttestedBy,
            },
            new NomineeEligibilityDecided { MessageId = Guid.CreateVersion7(), OccurredAt = now, Nominee = snapshot, Actor = Actor, Eligible = true, Reasons = [] },
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new NominateOfficerResponse
        {
            Nominee = new Nominee.V1.Nominee
            {
                NomineeId = id.ToString(), ReferenceNumber = reference, Officer = officer, UsCitizen = request.UsCitizen,
                FirstSwornOn = request.FirstSwornOn, Attestation = request.Attestation, NominatedAt = Timestamp.FromDateTime(now),
                Status = NomineeStatus.Eligible, Eligibility = new Eligibility { Eligible = true, DecidedOn = request.FirstSwornOn },
                Agency = new AgencyRef { AgencyId = agency.Id.ToString(), Name = agency.Name, State = agency.State },
                Agreement = new AgreementRef { AgreementId = agreement.Id.ToString(), ReferenceNumber = agreement.Reference },
                UpdatedAt = Timestamp.FromDateTime(now), Version = 1,
            },
        };
    }

    private async Task<(BareAgency Agency, BareAgreement Agreement)?> KnownActiveAsync(Guid agencyId, Guid agreementId,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(BareNomineeSql.KnownAgreement, connection) { Parameters = { new("id", agreementId) } };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || reader.GetString(4) != "active" || reader.GetGuid(2) != agencyId)
        {
            return null;
        }
        var agency = new BareAgency(agencyId, reader.GetString(6), reader.GetString(7), Type: "", County: null,
            reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetInt64(10));
        return (agency, new BareAgreement(agreementId, reader.GetString(1), agencyId, reader.GetString(3), "active", reader.GetDateTime(5)));
    }

    private async Task<BareAgreement?> FindAgreementAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(BareNomineeSql.FindAgreement, connection) { Parameters = { new("id", id) } };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new BareAgreement(reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4), reader.GetDateTime(5))
            : null;
    }

    private static async Task<object?> ScalarAsync(NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
        }
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static DateOnly ToDate(Google.Type.Date date) => new(date.Year, date.Month, date.Day);

    private sealed record BareAgreement(Guid Id, string Reference, Guid AgencyId, string Model, string Status, DateTime UpdatedAt);
}
