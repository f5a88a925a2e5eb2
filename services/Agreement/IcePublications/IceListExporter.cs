using Program287g.Agreement.Data;
using Program287g.Agreement.Domain;
using Program287g.Domain;
using Program287g.IceLists;

namespace Program287g.Agreement.IcePublications;

/// <summary>ICE's participating or pending list, as of a moment, as an xlsx with ICE's own columns and order.</summary>
public sealed class IceListExporter(AgreementQueries queries)
{
    private const int PageSize = 1000;

    public async Task<(byte[] Xlsx, int Rows)> ExportAsync(IceListKind kind, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var status = kind == IceListKind.Participating ? AgreementStatus.Active : AgreementStatus.Pending;
        var entries = new List<IceListEntry>();
        ListCursor? after = null;
        while (true)
        {
            var page = await queries.ListAsync(status, asOf, null, null, after, PageSize, cancellationToken);
            entries.AddRange(page.Select(ToEntry));
            if (page.Count < PageSize)
            {
                break;
            }
            var last = page[^1];
            after = new ListCursor(last.State, last.AgencySortName, last.Model, last.Id);
        }
        using var output = new MemoryStream();
        IceListWriter.Write(output, kind, entries);
        return (output.ToArray(), entries.Count);
    }

    public static string FileName(IceListKind kind, DateTimeOffset asOf) =>
        $"{(kind == IceListKind.Participating ? "participating" : "pending")}Agencies_{ProgramTime.DateOf(asOf):yyyy-MM-dd}.xlsx";

    private static IceListEntry ToEntry(AgreementRecord agreement) => new()
    {
        State = agreement.State,
        AgencyName = agreement.AgencyName,
        Type = IceAgencyTypes.Parse(agreement.AgencyType) ?? IceAgencyType.County,
        County = agreement.County,
        Model = ProgramModels.Parse(agreement.Model)!.Value,
        Signed = agreement.ActiveFrom,
        MoaUrl = agreement.MoaUrl,
        AddendumUrl = agreement.AddendumUrl,
    };
}
