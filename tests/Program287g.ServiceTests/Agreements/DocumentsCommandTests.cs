extern alias Cli;

using System.Text.Json;
using Program287g.Agreement.V1;
using static Program287g.ServiceTests.Agreements.AgreementSystem;
using static Program287g.ServiceTests.Agreements.DocumentDownload;
using CliApp = Cli::Program287g.Cli.CliApp;
using CliClients = Cli::Program287g.Cli.AgreementClientFactory;

namespace Program287g.ServiceTests.Agreements;

/// <summary>program287g agreement documents against the real Agreement service: the files it writes are the documents
/// that were submitted, byte for byte, and it replaces nothing unless told to.</summary>
[Collection(ServersCollection.Name)]
public sealed class DocumentsCommandTests(AgreementSystemFixture fixture) : IClassFixture<AgreementSystemFixture>
{
    private readonly AgreementSystem _system = fixture.System;

    [Fact]
    public async Task The_command_saves_an_agreement_s_letter_of_interest_moa_and_addendum_as_submitted_and_lists_a_reference()
    {
        var (agreement, letter, moa) = await ActiveWithDocumentsAsync();
        var addendum = Pdf(66_000, seed: 12);
        await _system.Agreements().RecordAddendumAsync(new RecordAddendumRequest
        {
            AgreementId = agreement.AgreementId, Description = "Adds a jail", Document = SignedCopy(addendum),
        });
        await _system.Agreements().RecordAddendumAsync(new RecordAddendumRequest
        {
            AgreementId = agreement.AgreementId, Description = "Published elsewhere",
            Document = new SignedDocument
            {
                Reference = new DocumentReference { Uri = "https://www.ice.gov/doclib/addendum.pdf", Sha256 = new string('d', 64) },
                SignerName = "Pat Example", SignerTitle = "Sheriff", SignedOn = DaysAgo(1),
            },
        });
        var folder = Path.Combine(Directory.CreateTempSubdirectory().FullName, "documents");

        var run = await RunAsync(_system.Tokens.Staff(), "agreement", "documents", agreement.AgreementId, "--out", folder, "--json");

        run.ExitCode.ShouldBe(0, run.Error);
        var reference = agreement.ReferenceNumber;
        Directory.GetFiles(folder).Select(Path.GetFileName).Order().ShouldBe(
            [$"{reference}-addendum-1.pdf", $"{reference}-letter-of-interest.pdf", $"{reference}-moa.pdf"]);
        (await File.ReadAllBytesAsync(Path.Combine(folder, $"{reference}-letter-of-interest.pdf"))).ShouldBe(letter);
        (await File.ReadAllBytesAsync(Path.Combine(folder, $"{reference}-moa.pdf"))).ShouldBe(moa);
        (await File.ReadAllBytesAsync(Path.Combine(folder, $"{reference}-addendum-1.pdf"))).ShouldBe(addendum);
        Sha256Of(await File.ReadAllBytesAsync(Path.Combine(folder, $"{reference}-moa.pdf"))).ShouldBe(agreement.AgencySignedMoa.Sha256);
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("status").GetString())
            .ShouldBe(["saved", "saved", "saved", "reference"]);
    }

    [Fact]
    public async Task Files_already_there_are_kept_without_force_and_replaced_with_it()
    {
        var (agreement, letter, moa) = await ActiveWithDocumentsAsync();
        var folder = Directory.CreateTempSubdirectory().FullName;
        (await RunAsync(_system.Tokens.Staff(), "agreement", "documents", agreement.AgreementId, "--out", folder)).ExitCode.ShouldBe(0);
        var moaFile = Path.Combine(folder, $"{agreement.ReferenceNumber}-moa.pdf");
        await File.WriteAllTextAsync(moaFile, "edited by hand");

        var kept = await RunAsync(_system.Tokens.Staff(), "agreement", "documents", agreement.AgreementId, "--out", folder);

        kept.ExitCode.ShouldBe(3);
        kept.Error.ShouldContain($"MOA: {moaFile} exists; not replaced (--force replaces it).");
        kept.Error.ShouldContain("letter-of-interest.pdf exists; not replaced");
        (await File.ReadAllTextAsync(moaFile)).ShouldBe("edited by hand");

        var replaced = await RunAsync(_system.Tokens.Staff(), "agreement", "documents", agreement.AgreementId, "--out", folder, "--force");

        replaced.ExitCode.ShouldBe(0, replaced.Error);
        (await File.ReadAllBytesAsync(moaFile)).ShouldBe(moa);
        (await File.ReadAllBytesAsync(Path.Combine(folder, $"{agreement.ReferenceNumber}-letter-of-interest.pdf"))).ShouldBe(letter);
        Directory.GetFiles(folder).Length.ShouldBe(2, "no partial files");
    }

    [Fact]
    public async Task The_agency_s_own_user_may_save_its_documents_and_another_agency_s_user_is_refused()
    {
        var (agreement, _, moa) = await ActiveWithDocumentsAsync();
        var other = await _system.RegisterAgencyAsync();
        var own = Directory.CreateTempSubdirectory().FullName;
        var refusedFolder = Path.Combine(Directory.CreateTempSubdirectory().FullName, "never");

        var allowed = await RunAsync(_system.Tokens.AgencyUser(agreement.Agency.AgencyId), "agreement", "documents", agreement.AgreementId, "--out", own);
        var refused = await RunAsync(_system.Tokens.AgencyUser(other.AgencyId), "agreement", "documents", agreement.AgreementId, "--out", refusedFolder);

        allowed.ExitCode.ShouldBe(0, allowed.Error);
        (await File.ReadAllBytesAsync(Path.Combine(own, $"{agreement.ReferenceNumber}-moa.pdf"))).ShouldBe(moa);
        refused.ExitCode.ShouldBe(1);
        refused.Error.ShouldContain("PERMISSION_DENIED");
        Directory.Exists(refusedFolder).ShouldBeFalse();
    }

    [Fact]
    public async Task An_agreement_that_does_not_exist_is_exit_1_naming_it()
    {
        var id = Guid.NewGuid().ToString();

        var run = await RunAsync(_system.Tokens.Staff(), "agreement", "documents", id, "--out", Directory.CreateTempSubdirectory().FullName);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain($"NOT_FOUND: No agreement '{id}'.");
    }

    /// <summary>An active agreement whose letter of interest and MOA are each larger than one 64 KiB chunk.</summary>
    private async Task<(Program287g.Agreement.V1.Agreement Agreement, byte[] Letter, byte[] Moa)> ActiveWithDocumentsAsync()
    {
        var agency = await _system.RegisterAgencyAsync();
        var letter = Pdf(200_000, seed: Random.Shared.Next());
        var moa = Pdf(3 * 64 * 1024 + 5, compressible: true);
        var request = Application(agency.AgencyId);
        request.LetterOfInterest = SignedCopy(letter);
        request.Moa = SignedCopy(moa);
        var pending = (await _system.Agreements().SubmitApplicationAsync(request)).Agreement;
        var active = (await _system.Agreements().SignAgreementAsync(new SignAgreementRequest
        {
            AgreementId = pending.AgreementId,
            IceSignature = new Signature { SignerName = "Ana Official", SignerTitle = "Field Office Director", SignedOn = DaysAgo(1) },
        })).Agreement;
        return (active, letter, moa);
    }

    private async Task<(int ExitCode, string Out, string Error)> RunAsync(string token, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        // No environment and no AppHost key: the address and token are the ones given here.
        var clients = new CliClients(_ => null, () => null);
        var exitCode = await CliApp.RunAsync([.. args, "--url", _system.AgreementHost.Address.ToString(), "--token", token],
            stdout, stderr, clients);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
