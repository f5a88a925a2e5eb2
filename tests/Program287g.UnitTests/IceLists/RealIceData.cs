using Program287g.IceLists;

namespace Program287g.UnitTests.IceLists;

/// <summary>ICE's own published files, kept beside the repository in ../shared/data/287g (never copied into it).</summary>
internal static class RealIceData
{
    public static string? Folder { get; } = Find();

    public static IceListFile Read(string fileName, IceListKind? expected = null)
    {
        using var stream = File.OpenRead(Path.Combine(Folder!, fileName));
        return IceListReader.Read(stream, expected);
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Program287g.sln")))
            {
                var folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "287g"));
                return Directory.Exists(folder) ? folder : null;
            }
        }
        return null;
    }
}

/// <summary>A fact about ICE's real files, skipped (with the reason) where they are not present.</summary>
public sealed class RealIceDataFactAttribute : FactAttribute
{
    public RealIceDataFactAttribute()
    {
        if (RealIceData.Folder is null)
        {
            Skip = "ICE's real lists are not here: expected ../shared/data/287g beside the folder holding Program287g.sln.";
        }
    }
}
