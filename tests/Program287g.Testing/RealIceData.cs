using Xunit;

namespace Program287g.Testing;

/// <summary>ICE's own published lists, where they sit beside the repository (../shared/data/287g; CI has them).
/// Tests copy nothing into the repository: they read the files in place, or skip saying why.</summary>
public static class RealIceData
{
    public static string? Folder { get; } = Find();

    public static string PathOf(string fileName) =>
        Path.Combine(Folder ?? throw new InvalidOperationException("ICE's real lists are not here."), fileName);

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
