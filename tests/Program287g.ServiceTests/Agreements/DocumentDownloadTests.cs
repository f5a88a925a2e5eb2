using Grpc.Core;
using Program287g.Agreement.V1;
using Program287g.Testing;
using static Program287g.ServiceTests.Agreements.AgreementSystem;
using static Program287g.ServiceTests.Agreements.DocumentDownload;

namespace Program287g.ServiceTests.Agreements;

[Collection(ServersCollection.Name)]
public sealed class DocumentDownloadTests(AgreementSystemFixture fixture) : IClassFixture<AgreementSystemFixture>
{
    private const int ChunkSize = 64 * 1024;
    private readonly AgreementSystem _system = fixture.System;

    [Fact]
    public async Task A_submitted_application_s_letter_of_interest_and_moa_come_back_byte_for_byte_in_64_KiB_chunks()
    {
        var agency = await _system.RegisterAgencyAsync();
        var letter = Pdf(200_000, seed: 1);
        var moa = Pdf(3 * ChunkSize, compressible: true);
        var request = Application(agency.AgencyId);
        request.LetterOfInterest = SignedCopy(letter);
        request.Moa = SignedCopy(moa);
        var application = (await _system.Agreements().SubmitApplicationAsync(request)).Agreement;

        var gotLetter = await ReadAsync(_system.Agreements(), application.LetterOfInterest.Sha256);
        var gotMoa = await ReadAsync(_system.Agreements(), application.AgencySignedMoa.Sha256);

        gotLetter.Bytes.ShouldBe(letter);
        gotLetter.HeaderCount.ShouldBe(1);
        gotLetter.ChunkLengths.ShouldBe([ChunkSize, ChunkSize, ChunkSize, 200_000 - 3 * ChunkSize]);
        gotLetter.Header.ShouldBe(new DocumentHeader
        {
            Kind = DocumentKind.LetterOfInterest, FileName = $"{application.ReferenceNumber}-letter-of-interest.pdf",
            ContentType = "application/pdf", SizeBytes = 200_000, Sha256 = Sha256Of(letter),
            AgreementId = application.AgreementId, AgencyId = agency.AgencyId,
        });
        // Stored compressed, and exactly three chunks long: no empty chunk after the last full one.
        gotMoa.Bytes.ShouldBe(moa);
        gotMoa.ChunkLengths.ShouldBe([ChunkSize, ChunkSize, ChunkSize]);
        gotMoa.Header.Kind.ShouldBe(DocumentKind.Moa);
        gotMoa.Header.FileName.ShouldBe($"{application.ReferenceNumber}-moa.pdf");
        gotMoa.Header.SizeBytes.ShouldBe(moa.Length);
    }

    [Fact]
    public async Task Staff_internal_systems_and_the_agency_s_own_users_may_download_and_another_agency_s_user_may_not()
    {
        var (application, moa) = await SubmitWithMoaAsync(Pdf(70_000, seed: 2));
        var other = await _system.RegisterAgencyAsync();

        foreach (var token in new[] { _system.Tokens.Staff(), _system.Tokens.Internal(), _system.Tokens.AgencyUser(application.Agency.AgencyId) })
        {
            (await ReadAsync(_system.Agreements(token), Sha256Of(moa))).Bytes.ShouldBe(moa);
        }
        var refusal = await Should.ThrowAsync<RpcException>(() => ReadAsync(_system.Agreements(_system.Tokens.AgencyUser(other.AgencyId)), Sha256Of(moa)));
        refusal.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        var named = await Should.ThrowAsync<RpcException>(() => ReadAsync(
            _system.Agreements(_system.Tokens.AgencyUser(other.AgencyId)), Sha256Of(moa), application.AgreementId));
        named.StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task An_unknown_hash_is_not_found_naming_the_document()
    {
        var hash = Sha256Of(Guid.NewGuid().ToByteArray());

        var refusal = await Should.ThrowAsync<RpcException>(() => ReadAsync(_system.Agreements(), hash));

        refusal.StatusCode.ShouldBe(StatusCode.NotFound);
        refusal.Resource()!.ResourceType.ShouldBe("document");
        refusal.Resource()!.ResourceName.ShouldBe(hash);
    }

    [Fact]
    public async Task A_document_given_only_by_reference_is_not_found()
    {
        var agency = await _system.RegisterAgencyAsync();
        var request = Application(agency.AgencyId);
        var hash = Sha256Of(Guid.NewGuid().ToByteArray());
        request.Moa = new SignedDocument
        {
            Reference = new DocumentReference { Uri = "https://docs.example.gov/moa.pdf", Sha256 = hash },
            SignerName = "Pat Example", SignerTitle = "Sheriff", SignedOn = DaysAgo(3),
        };
        var application = (await _system.Agreements().SubmitApplicationAsync(request)).Agreement;

        foreach (var agreementId in new[] { "", application.AgreementId })
        {
            var refusal = await Should.ThrowAsync<RpcException>(() => ReadAsync(_system.Agreements(), hash, agreementId));
            refusal.StatusCode.ShouldBe(StatusCode.NotFound);
        }
    }

    [Fact]
    public async Task A_reference_to_another_agency_s_stored_document_does_not_open_it_to_the_referencing_agency()
    {
        var (_, moa) = await SubmitWithMoaAsync(Pdf(5_000, seed: 3));
        var referencing = await _system.RegisterAgencyAsync();
        var request = Application(referencing.AgencyId);
        request.Moa = new SignedDocument
        {
            Reference = new DocumentReference { Uri = "https://docs.example.gov/copied.pdf", Sha256 = Sha256Of(moa) },
            SignerName = "Pat Example", SignerTitle = "Sheriff", SignedOn = DaysAgo(3),
        };
        var application = (await _system.Agreements().SubmitApplicationAsync(request)).Agreement;
        var user = _system.Agreements(_system.Tokens.AgencyUser(referencing.AgencyId));

        (await Should.ThrowAsync<RpcException>(() => ReadAsync(user, Sha256Of(moa)))).StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await Should.ThrowAsync<RpcException>(() => ReadAsync(user, Sha256Of(moa), application.AgreementId)))
            .StatusCode.ShouldBe(StatusCode.NotFound);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0")]
    [InlineData("g123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdef 0123456789abcdef0123456789abcde")]
    public async Task A_malformed_hash_is_invalid_argument_naming_sha256(string sha256)
    {
        var refusal = await Should.ThrowAsync<RpcException>(() => ReadAsync(_system.Agreements(), sha256));

        refusal.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        refusal.BadFields().ShouldBe(["sha256"]);
    }

    [Fact]
    public async Task A_malformed_agreement_id_is_invalid_argument_naming_it()
    {
        var refusal = await Should.ThrowAsync<RpcException>(() => ReadAsync(_system.Agreements(), new string('a', 64), "not-a-uuid"));

        refusal.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        refusal.BadFields().ShouldBe(["agreement_id"]);
    }

    [Fact]
    public async Task A_hash_in_capitals_finds_the_same_document()
    {
        var (_, moa) = await SubmitWithMoaAsync(Pdf(1_000, seed: 4));

        (await ReadAsync(_system.Agreements(), Sha256Of(moa).ToUpperInvariant())).Bytes.ShouldBe(moa);
    }

    [Fact]
    public async Task An_addendum_comes_back_numbered_in_the_order_the_agreement_s_addenda_were_recorded()
    {
        var agreement = await _system.ActiveAsync();
        var first = Pdf(2_000, seed: 5);
        var second = Pdf(ChunkSize + 1, seed: 6);
        foreach (var (bytes, description) in new[] { (first, "Adds a jail"), (second, "Adds a second jail") })
        {
            await _system.Agreements().RecordAddendumAsync(new RecordAddendumRequest
            {
                AgreementId = agreement.AgreementId, Description = description, Document = SignedCopy(bytes),
            });
        }
        var addenda = (await _system.Agreements().GetAgreementAsync(new() { AgreementId = agreement.AgreementId })).Agreement.Addenda;

        var got = await ReadAsync(_system.Agreements(_system.Tokens.AgencyUser(agreement.Agency.AgencyId)), Sha256Of(second));

        got.Bytes.ShouldBe(second);
        got.ChunkLengths.ShouldBe([ChunkSize, 1]);
        got.Header.Kind.ShouldBe(DocumentKind.Addendum);
        got.Header.FileName.ShouldBe($"{agreement.ReferenceNumber}-addendum-2.pdf");
        got.Header.AddendumId.ShouldBe(addenda[1].AddendumId);
        got.Header.AgreementId.ShouldBe(agreement.AgreementId);
    }

    [Fact]
    public async Task Bytes_that_several_agreements_hold_are_named_after_the_one_asked_for_or_the_caller_s_own()
    {
        var shared = Pdf(3_000, seed: 7);
        var (first, _) = await SubmitWithMoaAsync(Pdf(100, seed: 8), letter: shared);
        var (second, _) = await SubmitWithMoaAsync(Pdf(100, seed: 9), letter: shared);

        var staff = await ReadAsync(_system.Agreements(), Sha256Of(shared));
        var asked = await ReadAsync(_system.Agreements(), Sha256Of(shared), second.AgreementId);
        var own = await ReadAsync(_system.Agreements(_system.Tokens.AgencyUser(second.Agency.AgencyId)), Sha256Of(shared));

        staff.Header.AgreementId.ShouldBe(first.AgreementId, "the earliest submitted");
        asked.Header.AgreementId.ShouldBe(second.AgreementId);
        asked.Header.FileName.ShouldBe($"{second.ReferenceNumber}-letter-of-interest.pdf");
        own.Header.AgreementId.ShouldBe(second.AgreementId);
        own.Header.AgencyId.ShouldBe(second.Agency.AgencyId);
        new[] { staff, asked, own }.ShouldAllBe(d => d.Bytes.SequenceEqual(shared));
        var elsewhere = (await _system.PendingAsync(Model.Wso)).AgreementId;
        (await Should.ThrowAsync<RpcException>(() => ReadAsync(_system.Agreements(), Sha256Of(shared), elsewhere)))
            .StatusCode.ShouldBe(StatusCode.NotFound);
    }

    [Fact]
    public async Task A_document_that_is_not_a_pdf_is_offered_as_bytes()
    {
        var (_, moa) = await SubmitWithMoaAsync("not a PDF at all"u8.ToArray());

        var got = await ReadAsync(_system.Agreements(), Sha256Of(moa));

        got.Header.ContentType.ShouldBe("application/octet-stream");
        got.Header.FileName.ShouldEndWith("-moa.bin");
        got.Bytes.ShouldBe(moa);
    }

    private async Task<(Program287g.Agreement.V1.Agreement Application, byte[] Moa)> SubmitWithMoaAsync(byte[] moa, byte[]? letter = null)
    {
        var agency = await _system.RegisterAgencyAsync();
        var request = Application(agency.AgencyId);
        request.Moa = SignedCopy(moa);
        if (letter is not null)
        {
            request.LetterOfInterest = SignedCopy(letter);
        }
        return ((await _system.Agreements().SubmitApplicationAsync(request)).Agreement, moa);
    }
}
