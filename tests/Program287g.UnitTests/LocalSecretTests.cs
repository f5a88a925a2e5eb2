using Program287g.LocalServers;

namespace Program287g.UnitTests;

public class LocalSecretTests
{
    [Fact]
    public void A_secret_is_generated_once_and_then_read_back_with_owner_only_permissions()
    {
        var path = Path.Combine(Path.GetTempPath(), $"p287-secret-{Guid.NewGuid():N}", "password");
        try
        {
            var first = LocalSecret.ReadOrCreate(path);
            first.Length.ShouldBe(48);
            LocalSecret.ReadOrCreate(path).ShouldBe(first);
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
