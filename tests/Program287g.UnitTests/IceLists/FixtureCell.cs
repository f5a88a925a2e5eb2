using System.Globalization;

namespace Program287g.UnitTests.IceLists;

internal enum FixtureCellKind
{
    SharedString,
    InlineString,
    RichText,
    Number,
    Error,
    Formatted,
}

/// <summary>A cell of a fixture sheet: a string converts to a shared string and a number to a number cell, the way
/// ICE's sheets store most values.</summary>
internal sealed record FixtureCell(FixtureCellKind Kind, string Value)
{
    public IReadOnlyList<string> Runs { get; init; } = [];

    public IReadOnlyList<string> Links { get; init; } = [];

    public static implicit operator FixtureCell(string text) => new(FixtureCellKind.SharedString, text);

    public static implicit operator FixtureCell(double serial) => new(FixtureCellKind.Number, serial.ToString(CultureInfo.InvariantCulture));

    public static FixtureCell Inline(string text) => new(FixtureCellKind.InlineString, text);

    public static FixtureCell Rich(params string[] runs) => new(FixtureCellKind.RichText, string.Concat(runs)) { Runs = runs };

    public static FixtureCell Error(string code = "#N/A") => new(FixtureCellKind.Error, code);

    /// <summary>A styled cell with no value, as in the dozens of rows ICE leaves below its data.</summary>
    public static FixtureCell Formatted() => new(FixtureCellKind.Formatted, "");

    /// <summary>The cell with hyperlinks (through the sheet's relationships), in this order.</summary>
    public FixtureCell Linked(params string[] urls) => this with { Links = urls };
}
