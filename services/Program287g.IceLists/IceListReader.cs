using Program287g.Domain;

namespace Program287g.IceLists;

/// <summary>Reads ICE's participating or pending agencies spreadsheet. Every row that can be taken is; every row
/// that cannot comes back as problems saying why, so one bad row never costs a good one.</summary>
public static class IceListReader
{
    /// <summary>Detects participating or pending from the headers (SIGNED or MOA present: participating).</summary>
    /// <param name="expected">When given and the file is the other list, throws <see cref="IceListFormatException"/>.</param>
    /// <exception cref="IceListFormatException">Not an xlsx, or no ICE header, or a required column missing.</exception>
    public static IceListFile Read(Stream xlsx, IceListKind? expected = null)
    {
        var book = XlsxLoader.Load(Seekable(xlsx));
        var (sheet, header) = IceHeader.Find(book, expected);
        // A signing date after the file was saved is a typing error; the day's slack covers ICE working on US time.
        var latestSigned = DateOnly.FromDateTime((book.ModifiedAt ?? DateTimeOffset.UtcNow).UtcDateTime).AddDays(1);
        var reader = new IceRowReader(header, book.Date1904, latestSigned);

        var rows = new List<IceListRow>();
        var problems = new List<IceRowProblem>();
        var firstRowOf = new Dictionary<(string Name, string State, ProgramModel Model), int>();
        // Hidden rows (ICE saves some sheets with a filter on, filterMode="1") are rows like any other.
        foreach (var raw in sheet.Rows.Where(r => r.Number > header.RowNumber && !r.IsBlank))
        {
            var (row, rowProblems) = reader.Read(raw);
            if (row is not null)
            {
                // One agreement per agency and model: a second row for the same one is a copy, and the first is kept.
                var key = (row.AgencyName.ToUpperInvariant(), row.State, row.Model);
                if (firstRowOf.TryGetValue(key, out var first))
                {
                    rowProblems.Add(new(raw.Number, IceListColumns.AgencyName,
                        $"duplicate of row {first} (same agency, state and support type)", row.AgencyName));
                    row = null;
                }
                else
                {
                    firstRowOf[key] = raw.Number;
                    rows.Add(row);
                }
            }
            problems.AddRange(rowProblems);
        }
        return new IceListFile
        {
            Kind = header.Kind,
            Columns = header.Columns,
            ModifiedAt = book.ModifiedAt,
            Rows = rows,
            Problems = problems,
        };
    }

    // The packaging layer needs to seek (the zip directory is at the end); an HTTP body or pipe cannot.
    private static Stream Seekable(Stream xlsx)
    {
        if (xlsx.CanSeek)
        {
            return xlsx;
        }
        var copy = new MemoryStream();
        xlsx.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }
}
