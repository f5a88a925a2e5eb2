using System.Net.Http.Json;
using System.Text.Json;

namespace Program287g.EndToEndTests;

/// <summary>One span as the dashboard holds it, with the service (OpenTelemetry service.name: the AppHost's resource
/// name) that made it.</summary>
/// <summary>A span as the dashboard holds it: the service (service.name) and the instance (service.instance.id) it came from.</summary>
public sealed record DashboardSpan(string Service, string Name, string Instance = "");

/// <summary>A span a test waits for, with the words its failure prints when the span never arrives.</summary>
public sealed record ExpectedSpan(string Description, Func<DashboardSpan, bool> Matches)
{
    public static ExpectedSpan Named(string name) => new($"\"{name}\"", span => span.Name == name);

    public static ExpectedSpan Named(string service, string name) =>
        new($"\"{name}\" from {service}", span => span.Service == service && span.Name == name);

    public static ExpectedSpan Database(string service) =>
        new($"a postgresql span from {service}", span => span.Service == service && span.Name.StartsWith("postgresql", StringComparison.Ordinal));

    public override string ToString() => Description;
}

/// <summary>Reads spans from the Aspire dashboard's telemetry API (/api/telemetry/spans).</summary>
public static class DashboardTelemetry
{
    // The API answers the most recent spans first past its limit; every query here names one trace, far below it.
    private const int Limit = 2000;

    /// <summary>Waits until the dashboard holds every expected span of the query, and returns all it holds then.
    /// Each service exports its spans in batches of its own, on its own schedule: that one service's span has
    /// arrived says nothing of another's, so a test waits for each span it goes on to read, not only the last.</summary>
    public static async Task<IReadOnlyList<DashboardSpan>> WaitForSpansAsync(Uri dashboard, string query, TimeSpan timeout,
        params ExpectedSpan[] expected)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var spans = await SpansAsync(dashboard, query);
            var missing = expected.Where(e => !spans.Any(e.Matches)).ToList();
            if (missing.Count == 0)
            {
                return spans;
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"After {timeout.TotalSeconds:0}s the dashboard's spans for '{query}' still lack "
                    + $"{string.Join(", ", missing)}; it holds [{string.Join(", ", spans.Select(s => $"{s.Service}: {s.Name}"))}].");
            }
            await Task.Delay(200);
        }
    }

    public static async Task<IReadOnlyList<DashboardSpan>> SpansAsync(Uri dashboard, string query)
    {
        using var http = new HttpClient { BaseAddress = dashboard };
        using var response = await http.GetAsync($"/api/telemetry/spans?{query}&limit={Limit}");
        if (!response.IsSuccessStatusCode)
        {
            return [];
        }
        using var document = await response.Content.ReadFromJsonAsync<JsonDocument>();
        return document!.RootElement.GetProperty("data").GetProperty("resourceSpans").EnumerateArray()
            .SelectMany(r => r.GetProperty("scopeSpans").EnumerateArray()
                .SelectMany(s => s.GetProperty("spans").EnumerateArray())
                .Select(span => new DashboardSpan(Attribute(r, "service.name"), span.GetProperty("name").GetString()!,
                    Attribute(r, "service.instance.id"))))
            .ToList();
    }

    private static string Attribute(JsonElement resourceSpans, string key) =>
        resourceSpans.TryGetProperty("resource", out var resource) && resource.TryGetProperty("attributes", out var attributes)
            ? attributes.EnumerateArray()
                .Where(a => a.GetProperty("key").GetString() == key)
                .Select(a => a.GetProperty("value").GetProperty("stringValue").GetString() ?? "")
                .FirstOrDefault() ?? ""
            : "";
}
