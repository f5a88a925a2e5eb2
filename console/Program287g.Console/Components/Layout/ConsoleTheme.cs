using MudBlazor;

namespace Program287g.Console.Components.Layout;

/// <summary>The console's colours: a dark blue app bar and primary colour with enough contrast for axe-core's
/// colour-contrast rule (4.5:1 for text), MudBlazor's own error, warning and success colours being lighter than that.</summary>
public static class ConsoleTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1a4480",
            AppbarBackground = "#162e51",
            Secondary = "#8b1538",
            // Darker than MudBlazor's defaults: alerts write their text in these colours on a light tint.
            Error = "#b50909",
            Warning = "#8a4b00",
            Success = "#1b6e2b",
            Info = "#1a4480",
            TextSecondary = "rgba(0,0,0,0.70)",
            ActionDefault = "rgba(0,0,0,0.70)",
        },
    };
}
