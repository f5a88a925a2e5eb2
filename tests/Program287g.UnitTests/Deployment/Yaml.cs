using YamlDotNet.RepresentationModel;

namespace Program287g.UnitTests.Deployment;

/// <summary>A read-only walk over a parsed YAML node: a missing key or index is a node that does not exist, so a path
/// through absent fields reads as absent instead of throwing.</summary>
public sealed class Yaml(YamlNode? node)
{
    public Yaml this[string key] =>
        new(node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null);

    public bool Exists => node is not null;

    public string? Text => (node as YamlScalarNode)?.Value;

    public int? Number => int.TryParse(Text, out var value) ? value : null;

    public IEnumerable<Yaml> Items => node is YamlSequenceNode sequence ? sequence.Children.Select(child => new Yaml(child)) : [];

    public IEnumerable<(string Key, Yaml Value)> Entries => node is YamlMappingNode mapping
        ? mapping.Children.Select(entry => (((YamlScalarNode)entry.Key).Value ?? "", new Yaml(entry.Value)))
        : [];

    /// <summary>A string-to-string mapping (labels, matchLabels, ConfigMap data); empty when absent.</summary>
    public IReadOnlyDictionary<string, string> Strings => Entries.ToDictionary(entry => entry.Key, entry => entry.Value.Text ?? "");

    public string Kind => this["kind"].Text ?? "";

    public string Name => this["metadata"]["name"].Text ?? "";

    public override string ToString() => node?.ToString() ?? "(absent)";
}
