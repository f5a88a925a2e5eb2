namespace Program287g.IceLists;

/// <summary>A1-style references: "G12" is row 12, column 7.</summary>
internal static class CellReference
{
    public static int? Column(string? reference)
    {
        var column = 0;
        foreach (var c in reference ?? "")
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = column * 26 + (c - 'A' + 1);
            }
            else if (c is >= 'a' and <= 'z')
            {
                column = column * 26 + (c - 'a' + 1);
            }
            else
            {
                break;
            }
        }
        return column == 0 ? null : column;
    }

    public static int? Row(string? reference)
    {
        var digits = new string((reference ?? "").SkipWhile(char.IsLetter).ToArray());
        return int.TryParse(digits, out var row) && row > 0 ? row : null;
    }

    public static string Name(int row, int column)
    {
        var letters = "";
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + (c - 1) % 26) + letters;
        }
        return letters + row;
    }
}
