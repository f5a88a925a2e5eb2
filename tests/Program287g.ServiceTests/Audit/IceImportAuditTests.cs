using Google.Protobuf.WellKnownTypes;
using Program287g.Agreement.V1;
using Program287g.Domain;
using Program287g.IceLists;
using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceTests.Agreements;
using IceListKind = Program287g.IceLists.IceListKind;
using ProtoListKind = Program287g.Agreement.V1.IceListKind;

namespace Program287g.ServiceTests.Audit;

/// <summary>ImportIceList audits every agreement it writes, under the caller, in the transaction that writes it: rows a
/// chunk settles together and rows applied one by one (a signature) alike; a repeat that changes nothing writes nothing.
/// Each test lists agencies of its own, in Vermont.</summary>
[Collection(ServersCollection.Name)]
public sealed class IceImportAuditTests(AgreementSystemFixture fixture) : IClassFixture<AgreementSystemFixture>
{
    private const string ImportRpc = "program287g.agreement.v1.AgreementService/ImportIceList";
    private static readonly DateTimeOffset July18 = new(2025, 7, 18, 15, 0, 0, TimeSpan.FromHours(-4));
    private static readonly DateOnly Signed = new(2025, 2, 3);

    private readonly AgreementSystem _system = fixture.System;

    private AuditReader Audit => AuditReader.Of(_system.AgreementHost, ResourceNames.AgreementDatabase, _system.Tokens);

    private static IceListEntry Row(string prefix, int agency, DateOnly? signed) => new()
    {
        State = "VT", AgencyName = $"{prefix} {agency:D2} County Sheriff's Office", Type = IceAgencyType.County, County = "Essex County",
        Model = ProgramModel.JailEnforcement, Signed = signed,
    };

    private async Task<ImportOutcome> ImportAsync(string client, IceListKind kind, DateTimeOffset asOf, params IceListEntry[] rows)
    {
        using var output = new MemoryStream();
        IceListWriter.Write(output, kind, rows);
        var protoKind = kind == IceListKind.Participating ? ProtoListKind.Participating : ProtoListKind.Pending;
        return (await _system.Agreements(_system.Tokens.Staff(client)).ImportAsync(output.ToArray(), protoKind, asOf)).Outcome;
    }

    private async Task<List<Program287g.Agreement.V1.Agreement>> AgreementsOfAsync(string prefix, DateTimeOffset asOf)
    {
        var staff = _system.Agreements();
        var at = Timestamp.FromDateTimeOffset(asOf);
        var inForce = await staff.ListParticipatingAgreementsAsync(new() { State = "VT", PageSize = 500, AsOf = at });
        var pending = await staff.ListPendingApplicationsAsync(new() { State = "VT", PageSize = 500, AsOf = at });
        return [.. inForce.Agreements.Concat(pending.Applications).Where(a => a.Agency.Name.StartsWith(prefix, StringComparison.Ordinal))];
    }

    [Fact]
    public async Task Each_agreement_an_import_creates_is_audited_with_its_list_and_row_and_a_repeat_audits_nothing()
    {
        var prefix = $"Audit {Guid.NewGuid():N}";
        var (first, repeat) = (AuditReader.NewClient(), AuditReader.NewClient());
        IceListEntry[] rows = [Row(prefix, 1, Signed), Row(prefix, 2, Signed), Row(prefix, 3, Signed)];

        (await ImportAsync(first, IceListKind.Participating, July18, rows)).AgreementsCreated.ShouldBe(3);
        (await ImportAsync(repeat, IceListKind.Participating, July18, rows)).AgreementsCreated.ShouldBe(0);

        var created = await AgreementsOfAsync(prefix, July18);
        created.Count.ShouldBe(3);
        (await Audit.CountOfClientAsync(first)).ShouldBe(3);
        foreach (var agreement in created)
        {
            var record = (await Audit.OfRecordAsync("agreement", agreement.AgreementId)).Where(r => r.ClientId == first).ShouldHaveSingleItem();
            record.ShouldBeBy("staff@test", Roles.ProgramStaff, first, ImportRpc);
            record.Detail.ShouldStartWith("ice_list=participating row=");
            record.Detail.ShouldContain("as_of=2025-07-18T19:00:00Z outcome=AgreementCreated");
            record.Detail.ShouldNotContain(prefix);
        }
        (await Audit.CountOfClientAsync(repeat)).ShouldBe(0);
    }

    [Fact]
    public async Task A_signature_applied_row_by_row_is_audited_on_the_application_it_signs()
    {
        var prefix = $"Audit {Guid.NewGuid():N}";
        var (listing, signing) = (AuditReader.NewClient(), AuditReader.NewClient());
        var listedPending = July18.AddDays(-30);

        await ImportAsync(listing, IceListKind.Pending, listedPending, Row(prefix, 1, signed: null));
        var application = (await AgreementsOfAsync(prefix, listedPending)).ShouldHaveSingleItem();
        (await ImportAsync(signing, IceListKind.Participating, July18, Row(prefix, 1, Signed))).ApplicationsSigned.ShouldBe(1);

        (await Audit.OnlyRecordOfCallAsync(listing, "agreement", application.AgreementId)).Detail
            .ShouldMatch(@"^ice_list=pending row=\d+ as_of=2025-06-18T19:00:00Z outcome=ApplicationCreated$");
        var signed = await Audit.OnlyRecordOfCallAsync(signing, "agreement", application.AgreementId);
        signed.ShouldBeBy("staff@test", Roles.ProgramStaff, signing, ImportRpc);
        signed.Detail.ShouldContain("outcome=ApplicationSigned");
    }
}
