using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Program287g.Cli.Output;

/// <summary>Where a command writes: its result on <see cref="Out"/> (human text, or with --json one JSON document
/// and nothing else), errors and progress bars on <see cref="Error"/>, so a redirected result stays clean.
/// <see cref="Service"/> names the service the command calls in what it reports.</summary>
public sealed class CliOutput(TextWriter @out, TextWriter error, bool json, string service = "Agreement")
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        // Agency names are full of apostrophes; scripts read JSON, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private IAnsiConsole? console;
    private IAnsiConsole? errorConsole;

    public TextWriter Out { get; } = @out;

    public TextWriter Error { get; } = error;

    public bool Json { get; } = json;

    public string Service { get; } = service;

    /// <summary>Tables and text on <see cref="Out"/>.</summary>
    public IAnsiConsole Console => console ??= Terminal.Over(Out);

    /// <summary>Progress bars on <see cref="Error"/>.</summary>
    public IAnsiConsole ErrorConsole => errorConsole ??= Terminal.Over(Error);

    public void WriteJson(JsonNode document) => Out.WriteLine(document.ToJsonString(JsonOptions));

    public void WriteError(string message) => Error.WriteLine($"program287g: {message}");
}
