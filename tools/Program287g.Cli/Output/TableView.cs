namespace Program287g.Cli.Output;

/// <summary>Rows for people as a table of the columns a command chooses (plain text cells, see <see cref="Terminal"/>).</summary>
public static class TableView
{
    public static void Write<TRow>(CliOutput output, IEnumerable<TRow> rows, params (string Header, Func<TRow, string?> Cell)[] columns)
    {
        var table = Terminal.Table([.. columns.Select(column => column.Header)]);
        foreach (var row in rows)
        {
            table.Row([.. columns.Select(column => column.Cell(row))]);
        }
        output.Console.Write(table);
    }
}
