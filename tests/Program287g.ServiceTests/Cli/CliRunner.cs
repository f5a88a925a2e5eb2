extern alias Cli;

using System.Text.Json;
using CliApp = Cli::Program287g.Cli.CliApp;
using CliClients = Cli::Program287g.Cli.AgreementClientFactory;

namespace Program287g.ServiceTests.Cli;

/// <summary>One run of program287g against a running service, as a shell would run it, with stdout and stderr
/// captured; no AppHost key, and only the environment a test gives.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>The --json document; fails the test if stdout is not one.</summary>
    public JsonElement Json()
    {
        ExitCode.ShouldBe(0, Error);
        using var document = JsonDocument.Parse(Out);
        return document.RootElement.Clone();
    }

    /// <summary>A refusal by the service: exit 1, stderr naming the status and, for bad input, the field.</summary>
    public void ShouldBeRefused(string status, string? field = null)
    {
        ExitCode.ShouldBe(1, $"stdout: {Out}\nstderr: {Error}");
        Error.ShouldContain($"service refused: {status}:");
        if (field is not null)
        {
            Error.ShouldContain($"  {field}: ");
        }
        Out.ShouldBeEmpty();
    }

    /// <summary>Bad usage: exit 2, nothing called, stderr naming the option.</summary>
    public void ShouldBeUsageError(string mentions)
    {
        ExitCode.ShouldBe(2, $"stdout: {Out}\nstderr: {Error}");
        Error.ShouldContain(mentions);
        Out.ShouldBeEmpty();
    }
}

public static class CliRunner
{
    public static Task<CliResult> RunAsync(Uri address, string token, params string[] args) =>
        RunAsync(new Dictionary<string, string>(), [.. args, "--url", address.ToString(), "--token", token]);

    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var clients = new CliClients(name => environment.GetValueOrDefault(name), () => null);
        var exitCode = await CliApp.RunAsync(args, stdout, stderr, clients);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}
