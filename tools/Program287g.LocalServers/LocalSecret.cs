using System.Security.Cryptography;

namespace Program287g.LocalServers;

/// <summary>A password generated once and kept beside the data it protects, so a native server's data
/// folder and its credentials live and die together (delete the folder and both are new).</summary>
public static class LocalSecret
{
    public static string ReadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length > 0)
            {
                return existing;
            }
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // Hex keeps the value safe inside URIs and connection strings without escaping.
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        File.WriteAllText(path, secret);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return secret;
    }
}
