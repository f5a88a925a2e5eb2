using Program287g.LocalServers;

namespace Program287g.UnitTests;

public class PrivilegeDropTests
{
    [Fact]
    public void A_folder_behind_a_closed_parent_cannot_be_reached_by_other_users()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var root = Path.Combine(Path.GetTempPath(), $"p287-reach-{Guid.NewGuid():N}");
        var inside = Directory.CreateDirectory(Path.Combine(root, "repo", ".data")).FullName;
        try
        {
            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute);
            PrivilegeDrop.OthersCanReach(inside).ShouldBeTrue();

            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            PrivilegeDrop.OthersCanReach(inside).ShouldBeFalse();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
