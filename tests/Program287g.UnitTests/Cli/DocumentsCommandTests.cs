extern alias Cli;

using System.Security.Cryptography;
using System.Text.Json;
using Cli::Program287g.Agreement.V1;
using Google.Protobuf;
using Program287g.ServiceDefaults.Errors;

namespace Program287g.UnitTests.Cli;

/// <summary>program287g agreement documents against a fake service that keeps a few documents: what is saved where,
/// and that nothing unchecked or half-written is ever left in the folder.</summary>
public class DocumentsCommandTests
{
    private static readonly byte[] Letter = Bytes(150_000, 1);
    private static readonly byte[] Moa = Bytes(70_000, 2);
    private static readonly byte[] Addendum = Bytes(10, 3);

    [Fact]
    public async Task Each_stored_document_is_saved_under_the_service_s_name_references_are_listed_and_the_same_bytes_saved_once()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        var agreement = Listing(Record(Letter), Reference("https://docs.example.gov/moa.pdf"), Record(Letter), Record(Addendum));
        Serve(server, agreement);
        var folder = Path.Combine(Directory.CreateTempSubdirectory().FullName, "new", "folder");

        var run = await CliRun.AgainstAsync(server, "agreement", "documents", "000001", "--out", folder, "--json");

        run.ExitCode.ShouldBe(0, run.Error);
        Directory.GetFiles(folder).Select(Path.GetFileName).Order().ShouldBe(
            ["287G-2025-000001-addendum-1.pdf", "287G-2025-000001-letter-of-interest.pdf"]);
        (await File.ReadAllBytesAsync(Path.Combine(folder, "287G-2025-000001-letter-of-interest.pdf"))).ShouldBe(Letter);
        server.Service.Received<DownloadDocumentRequest>().Select(r => (r.Sha256, r.AgreementId))
            .ShouldBe([(Sha256(Letter), "000001"), (Sha256(Addendum), "000001")]);
        using var json = JsonDocument.Parse(run.Out);
        var documents = json.RootElement.GetProperty("documents").EnumerateArray().ToList();
        documents.Select(d => d.GetProperty("status").GetString()).ShouldBe(["saved", "reference", "same", "saved"]);
        documents.Select(d => d.GetProperty("kind").GetString()).ShouldBe(["LETTER_OF_INTEREST", "MOA", "ADDENDUM", "ADDENDUM"]);
        documents[1].GetProperty("uri").GetString().ShouldBe("https://docs.example.gov/moa.pdf");
        documents[2].GetProperty("path").GetString().ShouldBe(Path.Combine(folder, "287G-2025-000001-letter-of-interest.pdf"));
        documents[3].GetProperty("addendumId").GetString().ShouldBe("addendum-2");
        documents[3].GetProperty("contentType").GetString().ShouldBe("application/pdf");
        json.RootElement.GetProperty("directory").GetString().ShouldBe(folder);
    }

    [Fact]
    public async Task People_are_told_what_was_saved_where_and_what_was_not_stored()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        Serve(server, Listing(Record(Letter), Reference("https://docs.example.gov/moa.pdf")));
        var folder = Directory.CreateTempSubdirectory().FullName;

        var run = await CliRun.AgainstAsync(server, "agreement", "documents", "000001", "--out", folder);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldBe($"""
            letter of interest: saved {Path.Combine(folder, "287G-2025-000001-letter-of-interest.pdf")} (146.5 KiB, application/pdf, sha256 {Sha256(Letter)} checked)
            MOA: given by reference only, nothing stored to download: https://docs.example.gov/moa.pdf (sha256 {new string('c', 64)})
            Saved 1 of the 1 stored document(s) of 287G-2025-000001 in {folder}.

            """.ReplaceLineEndings());
    }

    [Fact]
    public async Task Bytes_that_do_not_hash_to_the_recorded_sha256_are_not_saved_and_leave_nothing_behind()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        Serve(server, Listing(Record(Letter), Record(Moa)), tamper: Sha256(Letter));
        var folder = Directory.CreateTempSubdirectory().FullName;

        var run = await CliRun.AgainstAsync(server, "agreement", "documents", "000001", "--out", folder);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain($"letter of interest: the 150000 bytes received for 287G-2025-000001-letter-of-interest.pdf have SHA-256 ");
        run.Error.ShouldContain($"not {Sha256(Letter)} as the agreement records: nothing saved.");
        Directory.GetFiles(folder).Select(Path.GetFileName).ShouldBe(["287G-2025-000001-moa.pdf"], "no partial file, and the MOA saved");
    }

    [Fact]
    public async Task An_existing_file_is_left_as_it_is_without_force_and_replaced_with_it()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        Serve(server, Listing(Record(Letter), Record(Moa)));
        var folder = Directory.CreateTempSubdirectory().FullName;
        var letter = Path.Combine(folder, "287G-2025-000001-letter-of-interest.pdf");
        await File.WriteAllTextAsync(letter, "kept");

        var refused = await CliRun.AgainstAsync(server, "agreement", "documents", "000001", "--out", folder);

        refused.ExitCode.ShouldBe(3);
        refused.Error.ShouldContain($"letter of interest: {letter} exists; not replaced (--force replaces it).");
        (await File.ReadAllTextAsync(letter)).ShouldBe("kept");
        (await File.ReadAllBytesAsync(Path.Combine(folder, "287G-2025-000001-moa.pdf"))).ShouldBe(Moa);

        var forced = await CliRun.AgainstAsync(server, "agreement", "documents", "000001", "--out", folder, "--force");

        forced.ExitCode.ShouldBe(0, forced.Error);
        (await File.ReadAllBytesAsync(letter)).ShouldBe(Letter);
        Directory.GetFiles(folder).Length.ShouldBe(2);
    }

    [Theory]
    [InlineData("../escaped.pdf")]
    [InlineData("/tmp/escaped.pdf")]
    [InlineData("sub/escaped.pdf")]
    [InlineData(".bashrc")]
    [InlineData("")]
    public async Task A_file_name_that_is_not_a_plain_name_is_refused_and_nothing_is_written(string name)
    {
        await using var server = await FakeAgreementServer.StartAsync();
        Serve(server, Listing(Record(Letter)), fileName: name);
        var parent = Directory.CreateTempSubdirectory().FullName;
        var folder = Directory.CreateDirectory(Path.Combine(parent, "out")).FullName;

        var run = await CliRun.AgainstAsync(server, "agreement", "documents", "000001", "--out", folder);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("which is not a plain file name");
        Directory.GetFileSystemEntries(parent).ShouldBe([folder]);
        Directory.GetFileSystemEntries(folder).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_document_the_service_refuses_is_reported_and_the_others_are_still_saved()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        Serve(server, Listing(Record(Letter), Record(Moa)), refuse: Sha256(Letter));
        var folder = Directory.CreateTempSubdirectory().FullName;

        var run = await CliRun.AgainstAsync(server, "agreement", "documents", "000001", "--out", folder);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain($"program287g: letter of interest: the Agreement service refused: NOT_FOUND: No document '{Sha256(Letter)}'.");
        run.Out.ShouldContain($"letter of interest: not saved: NOT_FOUND: No document '{Sha256(Letter)}'.");
        Directory.GetFiles(folder).Select(Path.GetFileName).ShouldBe(["287G-2025-000001-moa.pdf"]);
    }

    [Fact]
    public async Task An_agreement_the_service_refuses_is_exit_1_and_writes_nothing()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        server.Service.Agreement = _ => throw RpcErrors.PermissionDenied("An agency user may only act on its own agency's records.");
        var folder = Path.Combine(Directory.CreateTempSubdirectory().FullName, "never");

        var run = await CliRun.AgainstAsync(server, "agreement", "documents", "000001", "--out", folder);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("PERMISSION_DENIED");
        Directory.Exists(folder).ShouldBeFalse();
    }

    [Fact]
    public async Task Without_an_agreement_id_it_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("agreement", "documents");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("Run 'program287g --help'");
    }

    [Fact]
    public async Task An_out_folder_that_is_a_file_is_a_usage_error()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        Serve(server, Listing(Record(Letter)));
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");

        var run = await CliRun.AgainstAsync(server, "agreement", "documents", "000001", "--out", file);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith("program287g: ");
        (await File.ReadAllTextAsync(file)).ShouldBe("not a folder");
        server.Service.Received<DownloadDocumentRequest>().ShouldBeEmpty();
    }

    private static byte[] Bytes(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static DocumentRecord Record(byte[] bytes) => new() { Sha256 = Sha256(bytes), SizeBytes = bytes.Length, SignerName = "Pat Example" };

    private static DocumentRecord Reference(string uri) => new() { Uri = uri, Sha256 = new string('c', 64) };

    private static Agreement Listing(DocumentRecord letter, DocumentRecord? moa = null, params DocumentRecord[] addenda)
    {
        var agreement = Samples.Agreement("000001", "Harris County Sheriff's Office");
        agreement.LetterOfInterest = letter;
        agreement.AgencySignedMoa = moa;
        agreement.Addenda.AddRange(addenda.Select((document, i) => new Addendum { AddendumId = $"addendum-{i + 1}", Document = document }));
        return agreement;
    }

    /// <summary>The agreement, and its documents by hash, named as the service names them, in 64 KiB chunks.</summary>
    private static void Serve(FakeAgreementServer server, Agreement agreement, string? tamper = null, string? refuse = null,
        string? fileName = null)
    {
        var shelf = new[] { (Letter, "letter-of-interest", DocumentKind.LetterOfInterest), (Moa, "moa", DocumentKind.Moa),
            (Addendum, "addendum-1", DocumentKind.Addendum) }.ToDictionary(d => Sha256(d.Item1));
        server.Service.Agreement = _ => new GetAgreementResponse { Agreement = agreement };
        server.Service.Download = async (request, responses) =>
        {
            if (request.Sha256 == refuse || !shelf.TryGetValue(request.Sha256, out var document))
            {
                throw RpcErrors.NotFound("document", request.Sha256);
            }
            var (bytes, name, kind) = document;
            await responses.WriteAsync(new DownloadDocumentResponse
            {
                Header = new DocumentHeader
                {
                    Kind = kind, FileName = fileName ?? $"{agreement.ReferenceNumber}-{name}.pdf", ContentType = "application/pdf",
                    SizeBytes = bytes.Length, Sha256 = request.Sha256, AgreementId = request.AgreementId,
                },
            });
            var sent = request.Sha256 == tamper ? [.. bytes[..^1], (byte)(bytes[^1] ^ 1)] : bytes;
            foreach (var chunk in sent.Chunk(64 * 1024))
            {
                await responses.WriteAsync(new DownloadDocumentResponse { Chunk = ByteString.CopyFrom(chunk) });
            }
        };
    }
}
