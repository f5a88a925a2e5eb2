namespace Program287g.LocalServers;

/// <summary>PostgreSQL refuses to run as root, and CI and this machine run as root. Under root a server is
/// started through setpriv as its Debian system user; under any other user it runs as that user.</summary>
internal static class PrivilegeDrop
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
}
