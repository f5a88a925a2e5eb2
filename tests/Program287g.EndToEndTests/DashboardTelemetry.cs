using System.Net.Http.Json;
using System.Text.Json;

namespace Program287g.EndToEndTests;

/// <summary>Reads span names from the Aspire dashboard's telemetry API (/api/telemetry/spans).</summary>
public static class DashboardTelemetry
{
    public static async Task<IReadOnlyList<string>> SpanNamesAsync(Uri dashboard, string query) =>
        (await SpansAsync(dashboard, query)).Select(span => span.Name).ToList();

    /// <summary>The spans, each with the service (OpenTelemetry service.name: the AppHost's resource name) that made it.</summary>
    public static async Task<IReadOnlyList<(string Service, string Name)>> SpansAsync(Uri dashboard, string query)
    {
        using var http = new HttpClient { BaseAddress = dashboard };
        using var response = await http.GetAsync($"/api/telemetry/spans?{query}&limit=500");
        if (!response.IsSuccessStatusCode)
        {
            return [];
        }
        using var document = await response.Content.ReadFromJsonAsync<JsonDocument>();
        return document!.RootElement.GetProperty("data").GetProperty("resourceSpans").EnumerateArray()
            .SelectMany(r => r.GetProperty("scopeSpans").EnumerateArray()
                .SelectMany(s => s.GetProperty("spans").EnumerateArray())
                .Select(span => (ServiceOf(r), span.GetProperty("name").GetString()!)))
            .ToList();
    }

    private static string ServiceOf(JsonElement resourceSpans) =>
        resourceSpans.TryGetProperty("resource", out var resource) && resource.TryGetProperty("attributes", out var attributes)
            ? attributes.EnumerateArray()
                .Where(a => a.GetProperty("key").GetString() == "service.name")
                .Select(a => a.GetProperty("value").GetProperty("stringValue").GetString() ?? "")
                .FirstOrDefault() ?? ""
            : "";
}
