using System.Xml;

namespace Program287g.IceLists;

/// <summary>Forward-only passes over the workbook, worksheet and shared-string parts. Neither the SDK's DOM nor its
/// OpenXmlReader is used for them: both build typed objects for every element, and on this (busy, two-core) machine
/// they took 250 to 500 ms for ICE's 832-row July sheet where XmlReader takes 50 to 100 ms; loading even the tiny
/// workbook part through the DOM cost 100 ms. Elements are matched by local name.</summary>
internal static class SheetXml
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, CloseInput = false };

    /// <summary>The workbook's sheets in tab order (name and relationship id) and whether it counts dates from 1904.</summary>
    public static (List<(string Name, string RelationshipId)> Sheets, bool Date1904) Workbook(Stream part)
    {
        var sheets = new List<(string, string)>();
        var date1904 = false;
        using var xml = XmlReader.Create(part, Settings);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "workbookPr")
            {
                date1904 = xml.GetAttribute("date1904") is "1" or "true";
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && RelationshipId(xml) is { } id)
            {
                sheets.Add((xml.GetAttribute("name") ?? "", id));
            }
        }
        return (sheets, date1904);
    }

    /// <summary>Each &lt;si&gt;: its plain &lt;t&gt;, or the &lt;t&gt;s of its rich text runs; phonetic hints (rPh) are not text.</summary>
    public static string[] SharedStrings(Stream part)
    {
        var strings = new List<string>();
        using var xml = XmlReader.Create(part, Settings);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                strings.Add(TextOf(xml));
            }
        }
        return [.. strings];
    }

    public static (List<SheetXmlRow> Rows, List<(string Reference, string RelationshipId)> Hyperlinks) Worksheet(Stream part)
    {
        var rows = new List<SheetXmlRow>();
        var links = new List<(string, string)>();
        using var xml = XmlReader.Create(part, Settings);
        SheetXmlRow? row = null;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            switch (xml.LocalName)
            {
                case "row":
                    // Row and cell references are optional; without one, a row or cell follows the previous.
                    var number = int.TryParse(xml.GetAttribute("r"), out var r) ? r : (row?.Number ?? 0) + 1;
                    rows.Add(row = new SheetXmlRow(number));
                    break;
                case "c" when row is not null:
                    var column = CellReference.Column(xml.GetAttribute("r")) ?? (row.Cells.Count > 0 ? row.Cells[^1].Column + 1 : 1);
                    var type = xml.GetAttribute("t");
                    row.Cells.Add(new SheetXmlCell(column, type, CellContent(xml)));
                    break;
                case "hyperlink":
                    if (RelationshipId(xml) is { } id && xml.GetAttribute("ref") is { } reference)
                    {
                        links.Add((reference, id));
                    }
                    break;
            }
        }
        return (rows, links);
    }

    /// <summary>The &lt;v&gt; of a cell, or the text of its inline string (&lt;is&gt;); leaves the reader on the cell's end.</summary>
    private static string CellContent(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            return "";
        }
        var depth = xml.Depth;
        var content = "";
        xml.Read();
        while (xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "v")
            {
                content = xml.ReadElementContentAsString();
                continue;
            }
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "is")
            {
                content = TextOf(xml);
            }
            xml.Read();
        }
        return content;
    }

    /// <summary>The text of the &lt;si&gt; or &lt;is&gt; the reader is on, leaving the reader at its end.</summary>
    private static string TextOf(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            return "";
        }
        var depth = xml.Depth;
        var text = new System.Text.StringBuilder();
        xml.Read();
        while (xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh")
            {
                xml.Skip();
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
            {
                text.Append(xml.ReadElementContentAsString());
            }
            else
            {
                xml.Read();
            }
        }
        return text.ToString();
    }

    // r:id: the attribute "id" in the officeDocument relationships namespace.
    private static string? RelationshipId(XmlReader xml)
    {
        while (xml.MoveToNextAttribute())
        {
            if (xml.LocalName == "id" && xml.NamespaceURI.EndsWith("relationships", StringComparison.Ordinal))
            {
                var id = xml.Value;
                xml.MoveToElement();
                return id;
            }
        }
        xml.MoveToElement();
        return null;
    }
}

internal sealed record SheetXmlCell(int Column, string? Type, string Content);

internal sealed record SheetXmlRow(int Number)
{
    public List<SheetXmlCell> Cells { get; } = [];
}
