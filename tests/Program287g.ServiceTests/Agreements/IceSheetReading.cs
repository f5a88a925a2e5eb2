using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Program287g.ServiceTests.Agreements;

/// <summary>One row of ICE's sheet as this reading sees it: the agency's state (USPS code), its name folded as the
/// registry compares names, the model's code, and for a participating row whether SIGNED is a real date no later than
/// the list's day.</summary>
public sealed record SheetRow(int Row, string State, string Agency, string Model, bool InForce);

/// <summary>ICE's xlsx read with nothing but System.IO.Compression and System.Xml.Linq, written apart from the
/// service's reader (Program287g.IceLists) so the figures it gives check the import rather than repeat it: the first
/// sheet's cells by reference, shared and inline strings, the header found by its texts.</summary>
public static partial class IceSheetReading
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly Dictionary<string, string> Models = new()
    {
        ["JAIL ENFORCEMENT MODEL"] = "JEM", ["TASK FORCE MODEL"] = "TFM", ["WARRANT SERVICE OFFICER"] = "WSO",
    };

    private static readonly Dictionary<string, string> States =
        ("AL ALABAMA|AK ALASKA|AZ ARIZONA|AR ARKANSAS|CA CALIFORNIA|CO COLORADO|CT CONNECTICUT|DE DELAWARE|"
         + "DC DISTRICT OF COLUMBIA|FL FLORIDA|GA GEORGIA|HI HAWAII|ID IDAHO|IL ILLINOIS|IN INDIANA|IA IOWA|KS KANSAS|"
         + "KY KENTUCKY|LA LOUISIANA|ME MAINE|MD MARYLAND|MA MASSACHUSETTS|MI MICHIGAN|MN MINNESOTA|MS MISSISSIPPI|"
         + "MO MISSOURI|MT MONTANA|NE NEBRASKA|NV NEVADA|NH NEW HAMPSHIRE|NJ NEW JERSEY|NM NEW MEXICO|NY NEW YORK|"
         + "NC NORTH CAROLINA|ND NORTH DAKOTA|OH OHIO|OK OKLAHOMA|OR OREGON|PA PENNSYLVANIA|RI RHODE ISLAND|"
         + "SC SOUTH CAROLINA|SD SOUTH DAKOTA|TN TENNESSEE|TX TEXAS|UT UTAH|VT VERMONT|VA VIRGINIA|WA WASHINGTON|"
         + "WV WEST VIRGINIA|WI WISCONSIN|WY WYOMING")
        .Split('|').SelectMany(s => new[] { (s[3..], s[..2]), (s[..2], s[..2]) }).ToDictionary(p => p.Item1, p => p.Item2);

    /// <summary>Every non-empty row below the header. <paramref name="listDay"/> is the day the file's name gives.</summary>
    public static List<SheetRow> Read(string path, DateOnly listDay)
    {
        using var zip = ZipFile.OpenRead(path);
        var rows = Cells(zip);
        var header = rows.First(r => r.Value.Values.Select(Clean).Contains("SUPPORT TYPE"));
        var column = header.Value.Where(c => Clean(c.Value).Length > 0).ToDictionary(c => Clean(c.Value), c => c.Key);
        var taken = new List<SheetRow>();
        foreach (var (number, cells) in rows.Where(r => r.Key > header.Key && r.Value.Values.Any(v => Clean(v).Length > 0)))
        {
            string Get(string name) => column.TryGetValue(name, out var letters) ? cells.GetValueOrDefault(letters, "") : "";
            var inForce = !column.ContainsKey("SIGNED") || SignedDay(Get("SIGNED")) is { } day && day <= listDay && day.Year >= 2002;
            taken.Add(new SheetRow(number, States[Clean(Get("STATE"))], Fold(Get("LAW ENFORCEMENT AGENCY")),
                Models[Clean(Get("SUPPORT TYPE"))], inForce));
        }
        return taken;
    }

    /// <summary>An agency's name as the registry compares names: case, punctuation and spacing aside (words split at
    /// white space, hyphens, slashes and commas; other signs dropped).</summary>
    public static string Fold(string name) =>
        string.Join(' ', Separators().Split(name.Normalize(System.Text.NormalizationForm.FormKC))
            .Select(word => new string([.. word.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]))
            .Where(word => word.Length > 0));

    /// <summary>An Excel serial (days from 1899-12-30), or M/D/YYYY text, allowing the one missing slash ICE's
    /// files have before the year.</summary>
    private static DateOnly? SignedDay(string value)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
        {
            return serial is > 0 and < 2_958_466 ? DateOnly.FromDateTime(new DateTime(1899, 12, 30).AddDays(Math.Floor(serial))) : null;
        }
        var match = TextDate().Match(Clean(value));
        return match.Success && DateOnly.TryParseExact($"{match.Groups[1]}/{match.Groups[2]}/{match.Groups[3]}", "M/d/yyyy",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    private static string Clean(string text) => string.Join(' ', text.Replace('\u00A0', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    /// <summary>Row number to (column letters to text) for the workbook's first sheet.</summary>
    private static SortedDictionary<int, Dictionary<string, string>> Cells(ZipArchive zip)
    {
        XDocument Part(string name) => XDocument.Load(zip.GetEntry(name)!.Open());
        var firstSheet = Part("xl/workbook.xml").Descendants(Main + "sheet").First().Attribute(Relationships + "id")!.Value;
        var target = Part("xl/_rels/workbook.xml.rels").Descendants(PackageRelationships + "Relationship")
            .Single(r => r.Attribute("Id")!.Value == firstSheet).Attribute("Target")!.Value;
        var sheetPath = target.StartsWith('/') ? target[1..] : "xl/" + target;
        var shared = zip.GetEntry("xl/sharedStrings.xml") is null ? []
            : Part("xl/sharedStrings.xml").Root!.Elements(Main + "si")
                .Select(si => string.Concat(si.Descendants(Main + "t").Where(t => t.Parent!.Name != Main + "rPh").Select(t => t.Value))).ToList();
        var rows = new SortedDictionary<int, Dictionary<string, string>>();
        foreach (var row in Part(sheetPath).Descendants(Main + "row"))
        {
            var cells = new Dictionary<string, string>();
            foreach (var cell in row.Elements(Main + "c"))
            {
                var reference = cell.Attribute("r")?.Value ?? throw new InvalidDataException("A cell without a reference.");
                var value = cell.Element(Main + "v")?.Value ?? "";
                cells[new string([.. reference.TakeWhile(char.IsLetter)])] = cell.Attribute("t")?.Value switch
                {
                    "s" => shared[int.Parse(value, CultureInfo.InvariantCulture)],
                    "inlineStr" => string.Concat(cell.Descendants(Main + "t").Select(t => t.Value)),
                    _ => value,
                };
            }
            rows[int.Parse(row.Attribute("r")!.Value, CultureInfo.InvariantCulture)] = cells;
        }
        return rows;
    }

    [GeneratedRegex(@"^(\d{1,2})/(\d{1,2})/?(\d{4})$")]
    private static partial Regex TextDate();

    [GeneratedRegex(@"[\s\-/,]+")]
    private static partial Regex Separators();
}
