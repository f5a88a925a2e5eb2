using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Program287g.Agreement.V1;

namespace Program287g.ServiceTests.Agreements;

/// <summary>Streams files to ImportIceList and back from ExportIceList, as a client would.</summary>
public static class IceListClient
{
    public static async Task<(ImportOutcome Outcome, List<ImportProgress> Progress)> ImportAsync(
        this Program287g.Agreement.V1.AgreementService.AgreementServiceClient client, byte[] file, IceListKind kind,
        DateTimeOffset? asOf = null, int chunkSize = 16 * 1024)
    {
        using var call = client.ImportIceList();
        await call.RequestStream.WriteAsync(new ImportIceListRequest
        {
            Header = new ImportHeader { Kind = kind, AsOf = asOf is null ? null : Timestamp.FromDateTimeOffset(asOf.Value), FileName = "list.xlsx" },
        });
        for (var offset = 0; offset < file.Length; offset += chunkSize)
        {
            await call.RequestStream.WriteAsync(new ImportIceListRequest
            {
                Chunk = ByteString.CopyFrom(file, offset, Math.Min(chunkSize, file.Length - offset)),
            });
        }
        await call.RequestStream.CompleteAsync();
        var progress = new List<ImportProgress>();
        ImportOutcome? outcome = null;
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            if (message.PartCase == ImportIceListResponse.PartOneofCase.Progress)
            {
                progress.Add(message.Progress);
            }
            else
            {
                outcome = message.Outcome;
            }
        }
        return (outcome ?? throw new InvalidOperationException("The import ended without an outcome."), progress);
    }

    public static async Task<(ExportHeader Header, byte[] File)> ExportAsync(
        this Program287g.Agreement.V1.AgreementService.AgreementServiceClient client, IceListKind kind, DateTimeOffset? asOf = null)
    {
        using var call = client.ExportIceList(new ExportIceListRequest
        {
            Kind = kind, AsOf = asOf is null ? null : Timestamp.FromDateTimeOffset(asOf.Value),
        });
        ExportHeader? header = null;
        using var file = new MemoryStream();
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            if (message.PartCase == ExportIceListResponse.PartOneofCase.Header)
            {
                header = message.Header;
            }
            else
            {
                message.Chunk.WriteTo(file);
            }
        }
        return (header ?? throw new InvalidOperationException("The export sent no header."), file.ToArray());
    }
}
