using Program287g.Persistence;
using System.Security.Cryptography;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Npgsql;
using NpgsqlTypes;
using Program287g.Agency.V1;
using Program287g.Agreement.V1;
using Program287g.Contracts.Agency;
using Program287g.Contracts.Agreement;
using Program287g.Messaging.Outbox;

namespace Program287g.Benchmarks.Bare;

/// <summary>The write RPCs with nothing but their database work: the same statements, in the same round trips and
/// transactions, as AgencyRepository.RegisterAsync and AgreementStore.CreateAsync (with Timeline.OpenAsync) issue,
/// through plain Npgsql commands. No auth, validation, interceptors, tracing, Dapper or dispatcher.</summary>
public sealed partial class BareWritesService(NpgsqlDataSource database) : BareWrites.BareWritesBase
{
    private const string Actor = "staff@test";
    private const string ActorRole = "program-staff";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public override async Task<RegisterAgencyResponse> RegisterAgency(RegisterAgencyRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var now = DatabaseTime.ToStoredPrecision(DateTimeOffset.UtcNow);
        var id = Guid.CreateVersion7();
        var name = request.Name.Trim();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = await ExecuteAsync(transaction, BareSql.InsertAgency, cancellationToken,
            ("Id", id), ("Name", name), ("NormalizedName", name.ToUpperInvariant()), ("State", request.State),
            ("Type", request.Type.ToString()), ("Kind", request.Kind.ToString()), ("County", request.County),
            ("AgencyHead", request.AgencyHead), ("ContactName", request.PointOfContact.Name),
            ("ContactEmail", request.PointOfContact.Email), ("RegisteredAt", now), ("UpdatedAt", now));
        if (inserted == 0)
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, $"{name} is already registered in {request.State}."));
        }
        await transaction.EnqueueAsync(new AgencyRegistered
        {
            MessageId = Guid.CreateVersion7(), OccurredAt = now, AgencyId = id, Name = name, State = request.State,
            Type = request.Type.ToString(), Kind = request.Kind.ToString(), ContactName = request.PointOfContact.Name,
            ContactEmail = request.PointOfContact.Email,
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var stamp = Timestamp.FromDateTime(now);
        return new RegisterAgencyResponse
        {
            Agency = new Agency.V1.Agency
            {
                AgencyId = id.ToString(), Name = name, State = request.State, Type = request.Type, Kind = request.Kind,
                County = request.County, AgencyHead = request.AgencyHead, PointOfContact = request.PointOfContact,
                RegisteredAt = stamp, UpdatedAt = stamp, Version = 1,
            },
        };
    }

    public override async Task<SubmitApplicationResponse> SubmitApplication(SubmitApplicationRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        // The real service asks the Agency service, which reads the row by its key.
        var agency = await FindAgencyAsync(Guid.Parse(request.AgencyId), cancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"No agency {request.AgencyId}."));
        var now = DatabaseTime.ToStoredPrecision(DateTimeOffset.UtcNow);
        var model = request.Model.ToString().ToUpperInvariant();
        var (letter, letterInfo) = Take(request.LetterOfInterest);
        var (moa, moaInfo) = Take(request.Moa);
        var id = Guid.CreateVersion7();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long number;
        await using (var next = new NpgsqlCommand(BareSql.NextReference, connection, transaction))
        {
            number = (long)(await next.ExecuteScalarAsync(cancellationToken))!;
        }
        var reference = $"287G-{now.Year}-{number:D6}";
        var inserted = await ExecuteAsync(transaction, BareSql.InsertAgreement, cancellationToken,
            ("Id", id), ("ReferenceNumber", reference), ("AgencyId", agency.Id), ("AgencyName", agency.Name),
            ("AgencySortName", agency.Name.ToUpperInvariant()), ("State", agency.State), ("AgencyType", agency.Type),
            ("County", agency.County), ("ContactName", agency.ContactName), ("ContactEmail", agency.ContactEmail),
            ("AgencyVersion", agency.Version), ("Model", model), ("Status", "pending"), ("SubmittedAt", now),
            ("LetterOfInterest", Json(letterInfo)), ("AgencySignedMoa", Json(moaInfo)), ("Source", "api"), ("UpdatedAt", now));
        if (inserted == 0)
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, $"{agency.Name} already has an open {model} application."));
        }
        foreach (var (hash, bytes) in new[] { (letterInfo.Sha256, letter), (moaInfo.Sha256, moa) })
        {
            await ExecuteAsync(transaction, BareSql.InsertDocument, cancellationToken, ("Sha256", hash), ("Data", bytes));
        }
        await ExecuteAsync(transaction, BareSql.InsertPeriod, cancellationToken, ("Id", id), ("status", "pending"), ("at", now));
        await ExecuteAsync(transaction, BareSql.PostLedger, cancellationToken,
            ("series", "pending"), ("model", model), ("state", agency.State), ("at", now), ("delta", 1));
        await ExecuteAsync(transaction, BareSql.AppendTransition, cancellationToken,
            ("id", id), ("from", null), ("to", "pending"), ("action", "submitted"), ("effectiveAt", now), ("recordedAt", now),
            ("subject", Actor), ("role", ActorRole), ("note", null));
        await transaction.EnqueueAsync(new ApplicationSubmitted
        {
            MessageId = Guid.CreateVersion7(), OccurredAt = now, AgreementId = id, ReferenceNumber = reference,
            AgencyId = agency.Id, AgencyName = agency.Name, State = agency.State, Model = model, ContactName = agency.ContactName,
            ContactEmail = agency.ContactEmail, Source = "api", Actor = Actor, SubmittedAt = now,
            LetterOfInterestSigner = letterInfo.SignerName, MoaSigner = moaInfo.SignerName,
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SubmitApplicationResponse
        {
            Agreement = new Agreement.V1.Agreement
            {
                AgreementId = id.ToString(), ReferenceNumber = reference,
                Agency = new AgencySummary { AgencyId = agency.Id.ToString(), Name = agency.Name, State = agency.State, Type = agency.Type, County = agency.County ?? "" },
                Model = request.Model, Status = Agreement.V1.AgreementStatus.Pending, SubmittedAt = Timestamp.FromDateTime(now),
                LetterOfInterest = Record(request.LetterOfInterest, letterInfo), AgencySignedMoa = Record(request.Moa, moaInfo),
                UpdatedAt = Timestamp.FromDateTime(now), Version = 1,
            },
        };
    }

    private async Task<BareAgency?> FindAgencyAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(BareSql.FindAgency, connection) { Parameters = { new("id", id) } };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new BareAgency(reader.GetGuid(0), reader.GetString(1), reader.GetString(3), reader.GetString(4),
            reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(8) ? null : reader.GetString(8),
            reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetInt64(12));
    }

    private static async Task<int> ExecuteAsync(NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(value is JsonText json
                ? new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = json.Text }
                : new NpgsqlParameter(name, value ?? DBNull.Value));
        }
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static (byte[] Bytes, DocumentInfo Info) Take(SignedDocument document)
    {
        var bytes = document.Data.ToByteArray();
        var signedOn = new DateOnly(document.SignedOn.Year, document.SignedOn.Month, document.SignedOn.Day);
        return (bytes, new DocumentInfo(document.SignerName.Trim(), document.SignerTitle.Trim(), signedOn, null,
            Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length));
    }

    private static DocumentRecord Record(SignedDocument document, DocumentInfo info) => new()
    {
        SignerName = info.SignerName, SignerTitle = info.SignerTitle, SignedOn = document.SignedOn, Sha256 = info.Sha256,
        SizeBytes = info.SizeBytes,
    };

    private static JsonText Json(DocumentInfo info) => new(JsonSerializer.Serialize(info, Web));

    private sealed record JsonText(string Text);

    private sealed record DocumentInfo(string SignerName, string SignerTitle, DateOnly SignedOn, string? Uri, string Sha256, long SizeBytes);

    private sealed record BareAgency(Guid Id, string Name, string State, string Type, string? County, string? ContactName,
        string? ContactEmail, long Version);
}
