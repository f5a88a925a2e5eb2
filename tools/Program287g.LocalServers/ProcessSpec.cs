namespace Program287g.LocalServers;

/// <summary>A command line to start one server process: what the AppHost turns into an executable
/// resource and what a test fixture starts with <see cref="System.Diagnostics.Process"/>.</summary>
public sealed record ProcessSpec(
    string FileName,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory);
