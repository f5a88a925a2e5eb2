using MudBlazor;

namespace Program287g.Console.Components.Layout;

/// <summary>The console's colours: a dark blue app bar and primary colour with enough contrast for axe-core's
/// colour-contrast rule (4.5:1 for text).</summary>
public static class ConsoleTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1a4480",
            AppbarBackground = "#162e51",
            Secondary = "#8b1538",
            TextSecondary = "rgba(0,0,0,0.70)",
            ActionDefault = "rgba(0,0,0,0.70)",
        },
    };
}
