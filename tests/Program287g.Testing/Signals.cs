using System.Runtime.InteropServices;

namespace Program287g.Testing;

/// <summary>POSIX signals for the fault and shutdown tests; .NET only offers SIGKILL through Process.Kill.</summary>
public static partial class Signals
{
    public const int SigKill = 9;
    public const int SigTerm = 15;
    public const int SigStop = 19;
    public const int SigCont = 18;

    public static void Terminate(int pid) => Send(pid, SigTerm);

    public static void Send(int pid, int signal)
    {
        if (Kill(pid, signal) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error != 3) // ESRCH: already gone
            {
                throw new InvalidOperationException($"kill({pid}, {signal}) failed with errno {error}.");
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
