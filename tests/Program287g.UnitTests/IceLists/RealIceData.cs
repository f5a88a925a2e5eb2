using Program287g.IceLists;
using Program287g.Testing;

namespace Program287g.UnitTests.IceLists;

/// <summary>ICE's own published files (<see cref="RealIceData"/>), read with the reader under test.</summary>
internal static class RealIceLists
{
    public static IceListFile Read(string fileName, IceListKind? expected = null)
    {
        using var stream = File.OpenRead(RealIceData.PathOf(fileName));
        return IceListReader.Read(stream, expected);
    }

    /// <summary>Every row the reader takes from all four files: the agencies ICE lists.</summary>
    public static List<IceListRow> AllRows() =>
        [.. Directory.GetFiles(RealIceData.Folder!, "*.xlsx").Order(StringComparer.Ordinal)
            .SelectMany(path => Read(Path.GetFileName(path)).Rows)];
}
