namespace Program287g.LocalServers;

/// <summary>PostgreSQL refuses to run as root, and CI and this machine run as root. Under root a server is
/// started through setpriv as its Debian system user; under any other user it runs as that user.</summary>
public static class PrivilegeDrop
{
    public static bool IsRoot => Environment.IsPrivilegedProcess;

    public static (string FileName, List<string> Arguments) As(string user, string fileName, IEnumerable<string> arguments)
    {
        if (!IsRoot)
        {
            return (fileName, arguments.ToList());
        }
        var wrapped = new List<string> { $"--reuid={user}", $"--regid={user}", "--init-groups", fileName };
        wrapped.AddRange(arguments);
        return ("setpriv", wrapped);
    }

    /// <summary>Whether a system user other than the owner can reach <paramref name="directory"/>: every existing
    /// folder on the way must let others through (o+x). A clone under /root (mode 700) fails this.</summary>
    public static bool OthersCanReach(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }
        for (var dir = new DirectoryInfo(Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
        {
            if (dir.Exists && (File.GetUnixFileMode(dir.FullName) & UnixFileMode.OtherExecute) == 0)
            {
                return false;
            }
        }
        return true;
    }
}
