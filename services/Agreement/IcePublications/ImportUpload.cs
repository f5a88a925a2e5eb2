using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Program287g.Agreement.V1;
using Program287g.ServiceDefaults.Errors;
using IceListKind = Program287g.IceLists.IceListKind;
using ProtoListKind = Program287g.Agreement.V1.IceListKind;

namespace Program287g.Agreement.IcePublications;

/// <summary>The import stream's wire rules: a header first, then the file's bytes, within a size limit.</summary>
internal static class ImportUpload
{
    public static async Task<(ImportHeader Header, MemoryStream File)> ReceiveAsync(IAsyncStreamReader<ImportIceListRequest> requests,
        int maxBytes, CancellationToken cancellationToken)
    {
        if (!await requests.MoveNext(cancellationToken) || requests.Current.PartCase != ImportIceListRequest.PartOneofCase.Header)
        {
            throw RpcErrors.InvalidArgument("header", "The first message must carry the 'header'.");
        }
        var header = requests.Current.Header;
        var problems = new List<FieldError>();
        if (!System.Enum.IsDefined(header.Kind))
        {
            problems.Add(new FieldError("header.kind", "'header.kind' must be PARTICIPATING, PENDING or unspecified (read from the file)."));
        }
        if (header.AsOf is { } asOf && !IsValid(asOf))
        {
            problems.Add(new FieldError("header.as_of", "'header.as_of' is not a valid timestamp."));
        }
        if (header.FileName.Length > 255)
        {
            problems.Add(new FieldError("header.file_name", "'header.file_name' is longer than 255 characters."));
        }
        if (problems.Count > 0)
        {
            throw RpcErrors.InvalidArgument(problems);
        }
        var file = new MemoryStream();
        while (await requests.MoveNext(cancellationToken))
        {
            if (requests.Current.PartCase != ImportIceListRequest.PartOneofCase.Chunk)
            {
                throw RpcErrors.InvalidArgument("header", "Only the first message may carry a 'header'; the rest carry 'chunk's.");
            }
            if (file.Length + requests.Current.Chunk.Length > maxBytes)
            {
                throw RpcErrors.InvalidArgument("chunk", $"The file is larger than {maxBytes / (1024 * 1024)} MiB.");
            }
            requests.Current.Chunk.WriteTo(file);
        }
        if (file.Length == 0)
        {
            throw RpcErrors.InvalidArgument("chunk", "No file was sent: 'chunk' messages must follow the header.");
        }
        file.Position = 0;
        return (header, file);
    }

    public static IceListKind? KindOf(ProtoListKind kind) => kind switch
    {
        ProtoListKind.Participating => IceListKind.Participating,
        ProtoListKind.Pending => IceListKind.Pending,
        _ => null,
    };

    public static bool IsValid(Timestamp timestamp) =>
        timestamp.Seconds is >= -62135596800 and <= 253402300799 && timestamp.Nanos is >= 0 and < 1_000_000_000;

    public static ImportOutcome ToMessage(ImportResult result)
    {
        var message = new ImportOutcome
        {
            Kind = result.Kind == IceListKind.Participating ? ProtoListKind.Participating : ProtoListKind.Pending,
            AsOf = Timestamp.FromDateTimeOffset(result.AsOf),
            RowsRead = result.RowsRead,
            AgenciesRegistered = result.AgenciesRegistered,
            AgenciesMatched = result.AgenciesMatched,
            AgreementsCreated = result.Count(RowOutcome.AgreementCreated),
            ApplicationsCreated = result.Count(RowOutcome.ApplicationCreated),
            ApplicationsSigned = result.Count(RowOutcome.ApplicationSigned),
            AgreementsSuperseded = result.Count(RowOutcome.Superseded),
            Unchanged = result.Count(RowOutcome.Unchanged),
            LinksUpdated = result.Count(RowOutcome.LinksUpdated),
            RenewalsCreated = result.Count(RowOutcome.RenewalCreated),
            RenewalsSigned = result.Count(RowOutcome.RenewalSigned),
            RenewalsRecognised = result.Count(RowOutcome.RenewalRecognised),
        };
        message.Problems.AddRange(result.Problems.Select(p => new RowProblem
        {
            Row = p.RowNumber, Column = p.Column, Reason = p.Reason, Value = p.RawValue ?? "",
        }));
        return message;
    }
}
