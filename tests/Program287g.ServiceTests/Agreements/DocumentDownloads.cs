using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Program287g.Agreement.V1;
using static Program287g.ServiceTests.Agreements.AgreementSystem;

namespace Program287g.ServiceTests.Agreements;

/// <summary>One DownloadDocument call read to its end: the header, each chunk's length, and the bytes put together.</summary>
public sealed record DocumentDownload(DocumentHeader Header, IReadOnlyList<int> ChunkLengths, byte[] Bytes, int HeaderCount)
{
    public static async Task<DocumentDownload> ReadAsync(AgreementService.AgreementServiceClient client, string sha256,
        string agreementId = "")
    {
        using var call = client.DownloadDocument(new DownloadDocumentRequest { Sha256 = sha256, AgreementId = agreementId });
        DocumentHeader? header = null;
        var headers = 0;
        var chunks = new List<int>();
        using var bytes = new MemoryStream();
        await foreach (var part in call.ResponseStream.ReadAllAsync())
        {
            if (part.PartCase == DownloadDocumentResponse.PartOneofCase.Header)
            {
                header = part.Header;
                headers++;
                bytes.Length.ShouldBe(0, "the header comes before the bytes");
            }
            else
            {
                chunks.Add(part.Chunk.Length);
                part.Chunk.WriteTo(bytes);
            }
        }
        return new DocumentDownload(header.ShouldNotBeNull("a header"), chunks, bytes.ToArray(), headers);
    }

    public static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A PDF-looking document of <paramref name="size"/> bytes: random after its header, so PostgreSQL keeps it
    /// uncompressed, or one line of text repeated, so it is compressed in its TOAST chunks.</summary>
    public static byte[] Pdf(int size, bool compressible = false, int seed = 287)
    {
        var bytes = new byte[size];
        if (compressible)
        {
            var line = Encoding.ASCII.GetBytes("BT /F1 12 Tf 72 712 Td (Memorandum of Agreement, 287(g)) Tj ET\n");
            for (var i = 0; i < size; i++)
            {
                bytes[i] = line[i % line.Length];
            }
        }
        else
        {
            new Random(seed).NextBytes(bytes);
        }
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    public static SignedDocument SignedCopy(byte[] bytes) => new()
    {
        Data = ByteString.CopyFrom(bytes), SignerName = "Pat Example", SignerTitle = "Sheriff", SignedOn = DaysAgo(10),
    };
}
