namespace Program287g.Drills;

/// <summary>A process and everything it started, read from /proc: RabbitMQ's start script runs the Erlang VM (and its
/// helpers) as children, and a drill's kill -9 must reach the VM itself.</summary>
public static class ProcessTree
{
    public static IReadOnlyList<int> WithDescendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && ParentOf(dir) is { } parent)
            {
                parents[pid] = parent;
            }
        }
        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
        }
        return tree;
    }

    /// <summary>The fourth field of /proc/PID/stat, after the command name in parentheses (which may hold spaces).</summary>
    private static int? ParentOf(string dir)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(dir, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            return null; // gone meanwhile
        }
    }
}
