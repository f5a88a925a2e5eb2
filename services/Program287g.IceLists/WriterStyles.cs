using DocumentFormat.OpenXml.Spreadsheet;

namespace Program287g.IceLists;

/// <summary>The few cell styles the writer uses, as indexes into the stylesheet's cellXfs.</summary>
internal static class WriterStyles
{
    public const uint Plain = 0;
    public const uint Header = 1;
    public const uint Date = 2;
    public const uint Link = 3;

    // Built-in number format 14 is Excel's short date (m/d/yyyy in the U.S. locale), what ICE's SIGNED shows.
    private const uint ShortDateFormat = 14;

    public static Stylesheet Stylesheet() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Underline(), new Color { Rgb = "FF0563C1" }, new FontSize { Val = 11 }, new FontName { Val = "Calibri" })),
        // Excel insists on these two fills before any of one's own.
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())),
        new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0 },
            new CellFormat { FontId = 1, FillId = 0, BorderId = 0, ApplyFont = true },
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = ShortDateFormat, ApplyNumberFormat = true },
            new CellFormat { FontId = 2, FillId = 0, BorderId = 0, ApplyFont = true }));
}
