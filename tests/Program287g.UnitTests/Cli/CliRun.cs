extern alias Cli;

using Cli::Program287g.Cli;

namespace Program287g.UnitTests.Cli;

/// <summary>One run of program287g as a shell would run it, with stdout and stderr captured and no environment:
/// no PROGRAM287G_* variables and no AppHost signing key unless a test gives them.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args) => await RunAsync(new Dictionary<string, string>(), args);

    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var clients = new AgreementClientFactory(name => environment.GetValueOrDefault(name),
            () => environment.GetValueOrDefault("signing-key"));
        var exitCode = await CliApp.RunAsync(args, stdout, stderr, clients);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Against a fake server, with a token.</summary>
    public static Task<CliRun> AgainstAsync(FakeAgreementServer server, params string[] args) =>
        RunAsync([.. args, "--url", server.Url, "--token", "test-token"]);
}
