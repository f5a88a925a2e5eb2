using System.Net;

namespace Program287g.UnitTests.Deployment;

/// <summary>One end of a connection: a pod (its namespace, the namespace's labels, its own labels) or an address
/// outside the cluster.</summary>
public sealed record Endpoint(string? Namespace, IReadOnlyDictionary<string, string> NamespaceLabels,
    IReadOnlyDictionary<string, string> Labels, IPAddress? Address)
{
    public static Endpoint Pod(string ns, IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string>? namespaceLabels = null) =>
        new(ns, new Dictionary<string, string>(namespaceLabels ?? new Dictionary<string, string>())
        {
            ["kubernetes.io/metadata.name"] = ns,
        }, labels, null);

    public static Endpoint Pod(string ns, params (string Key, string Value)[] labels) =>
        Pod(ns, labels.ToDictionary(label => label.Key, label => label.Value));

    public static Endpoint External(string address) => new(null, new Dictionary<string, string>(), new Dictionary<string, string>(), IPAddress.Parse(address));
}

/// <summary>The rendered NetworkPolicies evaluated as Kubernetes does: a pod selected by a policy of a direction is
/// isolated in it, and then only what some policy's rule allows gets through; a connection needs the source's egress
/// and the destination's ingress. ipBlock peers match addresses outside the cluster only.</summary>
public sealed class NetworkPolicies(IEnumerable<Yaml> policies)
{
    private readonly IReadOnlyList<Yaml> _policies = policies.ToList();

    public bool Allows(Endpoint from, Endpoint to, int port, string protocol = "TCP") =>
        (from.Address is not null || Permits(from, "Egress", to, port, protocol))
        && (to.Address is not null || Permits(to, "Ingress", from, port, protocol));

    private bool Permits(Endpoint pod, string direction, Endpoint peer, int port, string protocol)
    {
        var selecting = _policies.Where(policy => policy["metadata"]["namespace"].Text == pod.Namespace
            && Matches(policy["spec"]["podSelector"], pod.Labels)
            && policy["spec"]["policyTypes"].Items.Any(type => type.Text == direction)).ToList();
        if (selecting.Count == 0)
        {
            return true; // not isolated in this direction
        }
        var (rules, peers) = direction == "Egress" ? ("egress", "to") : ("ingress", "from");
        return selecting.Any(policy => policy["spec"][rules].Items.Any(rule =>
            (!rule[peers].Exists || rule[peers].Items.Any(candidate => PeerMatches(candidate, policy["metadata"]["namespace"].Text, peer)))
            && (!rule["ports"].Exists || rule["ports"].Items.Any(candidate => PortMatches(candidate, port, protocol)))));
    }

    private static bool PeerMatches(Yaml peer, string? policyNamespace, Endpoint endpoint)
    {
        if (peer["ipBlock"].Exists)
        {
            return endpoint.Address is { } address && InCidr(address, peer["ipBlock"]["cidr"].Text!)
                && !peer["ipBlock"]["except"].Items.Any(except => InCidr(address, except.Text!));
        }
        if (endpoint.Address is not null)
        {
            return false;
        }
        var namespaceMatches = peer["namespaceSelector"].Exists
            ? Matches(peer["namespaceSelector"], endpoint.NamespaceLabels)
            : endpoint.Namespace == policyNamespace;
        return namespaceMatches && (!peer["podSelector"].Exists || Matches(peer["podSelector"], endpoint.Labels));
    }

    private static bool PortMatches(Yaml rule, int port, string protocol)
    {
        if ((rule["protocol"].Text ?? "TCP") != protocol)
        {
            return false;
        }
        if (!rule["port"].Exists)
        {
            return true;
        }
        var first = rule["port"].Number ?? throw new NotSupportedException($"A named port in a NetworkPolicy ({rule["port"].Text}): use numbers.");
        return port == first || (rule["endPort"].Number is { } last && port >= first && port <= last);
    }

    /// <summary>A label selector: matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist); empty matches all.</summary>
    public static bool Matches(Yaml selector, IReadOnlyDictionary<string, string> labels) =>
        selector["matchLabels"].Strings.All(wanted => labels.TryGetValue(wanted.Key, out var value) && value == wanted.Value)
        && selector["matchExpressions"].Items.All(expression =>
        {
            var key = expression["key"].Text!;
            var values = expression["values"].Items.Select(value => value.Text).ToHashSet();
            return expression["operator"].Text switch
            {
                "In" => labels.TryGetValue(key, out var value) && values.Contains(value),
                "NotIn" => !labels.TryGetValue(key, out var value) || !values.Contains(value),
                "Exists" => labels.ContainsKey(key),
                "DoesNotExist" => !labels.ContainsKey(key),
                var other => throw new NotSupportedException($"Selector operator {other}."),
            };
        });

    private static bool InCidr(IPAddress address, string cidr)
    {
        var parts = cidr.Split('/');
        var network = IPAddress.Parse(parts[0]).GetAddressBytes();
        var bytes = address.GetAddressBytes();
        if (network.Length != bytes.Length)
        {
            return false;
        }
        var bits = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < bytes.Length && bits > 0; i++, bits -= 8)
        {
            var mask = (byte)(bits >= 8 ? 0xFF : 0xFF << (8 - bits));
            if ((bytes[i] & mask) != (network[i] & mask))
            {
                return false;
            }
        }
        return true;
    }
}
