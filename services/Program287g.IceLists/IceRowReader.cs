using Program287g.Domain;

namespace Program287g.IceLists;

/// <summary>Reads one data row: every cell that cannot be taken as it stands becomes a problem, none is guessed.</summary>
internal sealed class IceRowReader(IceHeader header, bool date1904, DateOnly latestSigned)
{
    public (IceListRow? Row, List<IceRowProblem> Problems) Read(RawRow raw)
    {
        var problems = new List<IceRowProblem>();
        void Problem(string column, string reason) => problems.Add(new(raw.Number, column, reason, raw[header[column]]?.Value));

        var stateText = Text(raw, IceListColumns.State);
        var state = UsStates.ToCode(stateText);
        if (state is null)
        {
            Problem(IceListColumns.State, stateText.Length == 0 ? "blank" : $"'{stateText}' is not a U.S. state");
        }
        var name = Text(raw, IceListColumns.AgencyName);
        if (name.Length == 0)
        {
            Problem(IceListColumns.AgencyName, "blank");
        }
        var typeText = Text(raw, IceListColumns.Type);
        var type = IceAgencyTypes.Parse(typeText);
        if (type is null)
        {
            Problem(IceListColumns.Type, $"unknown agency type '{typeText}' (ICE uses County, Municipality, State Agency)");
        }
        var modelText = Text(raw, IceListColumns.SupportType);
        var model = ProgramModels.Parse(modelText);
        if (model is null)
        {
            Problem(IceListColumns.SupportType,
                $"unknown support type '{modelText}' (ICE uses {string.Join(", ", ProgramModels.All.Select(m => m.FullName()))})");
        }
        DateOnly? signed = null;
        if (header.Kind == IceListKind.Participating)
        {
            var date = SignedDates.Read(raw[header[IceListColumns.Signed]], date1904, latestSigned);
            signed = date.Date;
            if (date.Problem is { } reason)
            {
                Problem(IceListColumns.Signed, reason);
            }
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        // ICE's COUNTY is a lookup: #N/A (an error cell) where it found no county, as for most cities and state agencies.
        var county = Text(raw, IceListColumns.County);
        var moa = raw[header[IceListColumns.Moa]];
        var moaLinks = moa?.Links ?? [];
        var row = new IceListRow
        {
            RowNumber = raw.Number,
            State = state!,
            AgencyName = name,
            Type = type!.Value,
            County = county.Length == 0 || county == "#N/A" ? null : county,
            Model = model!.Value,
            Signed = signed,
            MoaUrl = moaLinks.Count > 0 ? MoaLinks.Unwrap(moaLinks[0]) : null,
            MoaPending = MoaLinks.IsPending(moa?.Value),
            // The ADDENDUM column arrived by July 2025; before it, ICE wrote "link | addendum" in the MOA cell.
            AddendumUrl = raw[header[IceListColumns.Addendum]]?.Links is [var addendum, ..] ? MoaLinks.Unwrap(addendum)
                : moaLinks.Count > 1 ? MoaLinks.Unwrap(moaLinks[1])
                : null,
        };
        return (row, problems);
    }

    private string Text(RawRow raw, string column) => IceText.Clean(raw[header[column]]?.Value);
}
