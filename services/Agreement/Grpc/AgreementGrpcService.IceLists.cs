using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Program287g.Agreement.IcePublications;
using Program287g.Agreement.V1;
using Program287g.Audit;
using Program287g.IceLists;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Errors;

namespace Program287g.Agreement.Grpc;

/// <summary>ICE's published lists in and out, streamed.</summary>
public sealed partial class AgreementGrpcService
{
    /// <summary>ICE's files are ~100 KB; a limit keeps a mistaken upload from filling memory.</summary>
    public const int MaxImportBytes = 20 * 1024 * 1024;
    private const int ChunkSize = 64 * 1024;

    [Authorize(Policy = Policies.StaffOrInternal)]
    public override async Task ImportIceList(IAsyncStreamReader<ImportIceListRequest> requestStream,
        IServerStreamWriter<ImportIceListResponse> responseStream, ServerCallContext context)
    {
        var (header, file) = await ImportUpload.ReceiveAsync(requestStream, MaxImportBytes, context.CancellationToken);
        IceListFile parsed;
        try
        {
            parsed = IceListReader.Read(file, ImportUpload.KindOf(header.Kind));
        }
        catch (IceListFormatException exception)
        {
            throw RpcErrors.InvalidArgument("chunk", $"The file is not one of ICE's lists: {exception.Message}");
        }
        var asOf = header.AsOf?.ToDateTimeOffset() ?? parsed.ModifiedAt
            ?? throw RpcErrors.InvalidArgument("header.as_of", "The file records no last-modified time: give 'header.as_of'.");
        var result = await importer.ImportAsync(parsed, asOf, AuditActor.From(context), (done, total) => responseStream.WriteAsync(
            new ImportIceListResponse { Progress = new ImportProgress { RowsDone = done, RowsTotal = total } },
            context.CancellationToken), context.CancellationToken);
        await responseStream.WriteAsync(new ImportIceListResponse { Outcome = ImportUpload.ToMessage(result) }, context.CancellationToken);
    }

    [Authorize(Policy = Policies.StaffOrInternal)]
    public override async Task ExportIceList(ExportIceListRequest request, IServerStreamWriter<ExportIceListResponse> responseStream,
        ServerCallContext context)
    {
        var kind = ImportUpload.KindOf(request.Kind)!.Value;
        var asOf = request.AsOf?.ToDateTimeOffset() ?? clock.GetUtcNow();
        var (xlsx, rows) = await exporter.ExportAsync(kind, asOf, context.CancellationToken);
        await responseStream.WriteAsync(new ExportIceListResponse
        {
            Header = new ExportHeader { FileName = IceListExporter.FileName(kind, asOf), AsOf = Timestamp.FromDateTimeOffset(asOf), Rows = rows },
        }, context.CancellationToken);
        for (var offset = 0; offset < xlsx.Length; offset += ChunkSize)
        {
            await responseStream.WriteAsync(new ExportIceListResponse
            {
                Chunk = ByteString.CopyFrom(xlsx, offset, Math.Min(ChunkSize, xlsx.Length - offset)),
            }, context.CancellationToken);
        }
    }
}
