using Spectre.Console;

namespace Program287g.Cli.Output;

/// <summary>A Spectre console over any writer: live rendering and colour on a terminal, plain text elsewhere.</summary>
public static class Terminal
{
    /// <summary>Redirected output (a file, a pipe, a test) has no width of its own; wide enough that tables of
    /// agencies do not wrap.</summary>
    public const int RedirectedWidth = 200;

    public static IAnsiConsole Over(TextWriter writer)
    {
        var output = new AnsiConsoleOutput(writer);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = output,
            // Detection looks at the environment (TERM, CI ...), not at this writer: a redirected stream gets no
            // escape codes and no live rendering (Spectre's fallback prints progress milestones as plain lines).
            Ansi = output.IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = output.IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = output.IsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!output.IsTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }
        return console;
    }

    /// <summary>A table whose cells are plain text: agency names may contain [brackets] that markup would eat.</summary>
    public static Table Table(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header)));
        }
        return table;
    }

    public static Table Row(this Table table, params string?[] cells)
    {
        table.AddRow(cells.Select(cell => (Spectre.Console.Rendering.IRenderable)new Text(cell ?? "")));
        return table;
    }
}
