using System.Globalization;

namespace Program287g.Testing;

/// <summary>A process's children, their children and so on, as /proc shows them now: for a test that kills a server
/// which forks workers of its own (Dovecot), all of it at once.</summary>
public static class ProcessTree
{
    public static IReadOnlyList<int> Descendants(int pid)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var child))
            {
                continue;
            }
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue; // ended meanwhile
            }
            // "pid (comm) state ppid ...": the name may hold spaces and parentheses, so the fields are read after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            if (!children.TryGetValue(parent, out var siblings))
            {
                children[parent] = siblings = [];
            }
            siblings.Add(child);
        }
        var descendants = new List<int>();
        var pending = new Queue<int>([pid]);
        while (pending.TryDequeue(out var next))
        {
            foreach (var child in children.GetValueOrDefault(next) ?? [])
            {
                descendants.Add(child);
                pending.Enqueue(child);
            }
        }
        return descendants;
    }
}
