using System.Text;
using Program287g.Agreement.V1;

namespace Program287g.Cli.Parsing;

/// <summary>A state's list of covered agencies as a CSV file: a header naming the columns <c>name</c>, <c>county</c>
/// and <c>kind</c> (any order, any case; county may be left out), then one agency a line. Fields may be quoted, as
/// spreadsheets write them ("Smith County Sheriff's Office, Jail Division"). Kind is sheriff, jail or
/// state-corrections (or the proto's SHERIFF, JAIL, STATE_CORRECTIONS).</summary>
public static class CoveredAgenciesCsv
{
    public sealed class FormatException(string message) : Exception(message);

    public static List<CoveredAgency> Read(TextReader reader)
    {
        var header = ReadRecord(reader) ?? throw new FormatException("the file is empty: expected a header with name, county and kind");
        var columns = header.Select((name, index) => (Name: name.Trim().ToLowerInvariant(), index)).ToDictionary(c => c.Name, c => c.index);
        if (!columns.TryGetValue("name", out var nameAt) || !columns.TryGetValue("kind", out var kindAt))
        {
            throw new FormatException($"line 1: the header must name the columns name and kind (and may name county), not {string.Join(", ", header)}");
        }
        var countyAt = columns.GetValueOrDefault("county", -1);
        var agencies = new List<CoveredAgency>();
        var line = 1;
        while (ReadRecord(reader) is { } record)
        {
            line++;
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            string Field(int at) => at >= 0 && at < record.Count ? record[at].Trim() : "";
            agencies.Add(new CoveredAgency
            {
                Name = Field(nameAt),
                County = Field(countyAt),
                Kind = ParseKind(Field(kindAt)) ?? throw new FormatException(
                    $"line {line}: kind '{Field(kindAt)}' is not one of sheriff, jail, state-corrections"),
            });
        }
        return agencies;
    }

    private static CoveredAgencyKind? ParseKind(string text) => text.Replace('-', '_').ToUpperInvariant() switch
    {
        "SHERIFF" => CoveredAgencyKind.Sheriff,
        "JAIL" => CoveredAgencyKind.Jail,
        "STATE_CORRECTIONS" => CoveredAgencyKind.StateCorrections,
        _ => null,
    };

    /// <summary>One record (RFC 4180: quotes around a field, "" for a quote inside one, line breaks inside quotes), or
    /// null at the end of the file.</summary>
    private static List<string>? ReadRecord(TextReader reader)
    {
        if (reader.Peek() < 0)
        {
            return null;
        }
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        while (true)
        {
            var next = reader.Read();
            if (quoted)
            {
                if (next < 0)
                {
                    throw new FormatException("the file ends inside a quoted field");
                }
                if (next == '"' && reader.Peek() == '"')
                {
                    reader.Read();
                    field.Append('"');
                }
                else if (next == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append((char)next);
                }
                continue;
            }
            switch (next)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n' or '\r' or -1:
                    fields.Add(field.ToString());
                    return fields;
                default:
                    field.Append((char)next);
                    break;
            }
        }
    }
}
