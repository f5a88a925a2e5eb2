using Grpc.Core;
using Program287g.Agreement.V1;
using Program287g.Console.SignIn;

namespace Program287g.Console.Services;

/// <summary>Files the services stream (an agreement's documents, ICE's lists as xlsx) reach the browser as plain HTTP
/// downloads from the console, streamed through chunk by chunk rather than held in memory or sent over the circuit.
/// Each call carries the requesting person's token, so the service decides whether they may have the file.</summary>
public static class DownloadEndpoints
{
    public const string DocumentPath = "/download/document";
    public const string IceListPath = "/download/ice-list";
    private static readonly TimeSpan ExportDeadline = TimeSpan.FromMinutes(2);

    public static string DocumentUrl(string agreementId, string sha256) =>
        $"{DocumentPath}?agreement_id={Uri.EscapeDataString(agreementId)}&sha256={Uri.EscapeDataString(sha256)}";

    public static string IceListUrl(IceListKind kind) => $"{IceListPath}?kind={(kind == IceListKind.Pending ? "pending" : "participating")}";

    public static WebApplication MapDownloadEndpoints(this WebApplication app)
    {
        app.MapGet(DocumentPath, async (HttpContext http, SignedInPerson person, AgreementService.AgreementServiceClient agreements,
            string? agreement_id, string? sha256) =>
        {
            person.UseRequestUser(http.User);
            using var call = agreements.DownloadDocument(new DownloadDocumentRequest { AgreementId = agreement_id ?? "", Sha256 = sha256 ?? "" },
                cancellationToken: http.RequestAborted);
            return await StreamAsync(http, call.ResponseStream, response => response.Header is { } header
                ? new FileHeader(header.FileName, header.ContentType) : null, response => response.Chunk);
        });
        app.MapGet(IceListPath, async (HttpContext http, SignedInPerson person, AgreementService.AgreementServiceClient agreements,
            string? kind) =>
        {
            person.UseRequestUser(http.User);
            var listKind = kind switch
            {
                "participating" => IceListKind.Participating,
                "pending" => IceListKind.Pending,
                _ => IceListKind.Unspecified,
            };
            if (listKind == IceListKind.Unspecified)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "kind must be participating or pending.");
            }
            using var call = agreements.ExportIceList(new ExportIceListRequest { Kind = listKind },
                deadline: DateTime.UtcNow + ExportDeadline, cancellationToken: http.RequestAborted);
            return await StreamAsync(http, call.ResponseStream, response => response.Header is { } header
                ? new FileHeader(header.FileName, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") : null,
                response => response.Chunk);
        });
        return app;
    }

    private sealed record FileHeader(string FileName, string ContentType);

    /// <summary>Reads the header message, then writes every chunk to the response. A refusal before the first byte is
    /// the service's status as an HTTP status with its message; after that the response is already under way.</summary>
    private static async Task<IResult> StreamAsync<TResponse>(HttpContext http, IAsyncStreamReader<TResponse> stream,
        Func<TResponse, FileHeader?> header, Func<TResponse, Google.Protobuf.ByteString> chunk)
    {
        FileHeader? file;
        try
        {
            if (!await stream.MoveNext(http.RequestAborted) || (file = header(stream.Current)) is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The service sent no file header.");
            }
        }
        catch (RpcException exception)
        {
            return Results.Problem(statusCode: HttpStatusFor(exception.StatusCode), title: exception.Status.Detail);
        }
        http.Response.ContentType = file.ContentType;
        http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = file.FileName }.ToString();
        await foreach (var response in stream.ReadAllAsync(http.RequestAborted))
        {
            var bytes = chunk(response);
            await http.Response.Body.WriteAsync(bytes.Memory, http.RequestAborted);
        }
        return Results.Empty;
    }

    private static int HttpStatusFor(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument => StatusCodes.Status400BadRequest,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status502BadGateway,
    };
}
