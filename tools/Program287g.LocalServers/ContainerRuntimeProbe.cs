using System.Diagnostics;

namespace Program287g.LocalServers;

/// <summary>Asks the container runtime's own client whether its engine answers. A client without an
/// engine (this machine: the docker command exists but no daemon runs) reports unhealthy.</summary>
public static class ContainerRuntimeProbe
{
    /// <summary>The runtime Aspire would use: ASPIRE_CONTAINER_RUNTIME, else docker.</summary>
    public static string RuntimeName(string? configured) =>
        string.IsNullOrWhiteSpace(configured) ? "docker" : configured.Trim();

    public static bool IsHealthy(string runtime, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(runtime)
        {
            ArgumentList = { "info", "--format", "{{.ServerVersion}}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return false;
            }
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0 && !string.IsNullOrWhiteSpace(output.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // the client is not installed
        }
    }
}
