using System.Reflection;

namespace Program287g.Persistence;

/// <summary>The migration scripts embedded in a service's assembly, in the order they apply.</summary>
public sealed class MigrationSource(Assembly assembly)
{
    private const string Folder = ".Data.Migrations.";

    public IReadOnlyList<Migration> Load()
    {
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.Contains(Folder, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name =>
            {
                var id = name[(name.IndexOf(Folder, StringComparison.Ordinal) + Folder.Length)..^".sql".Length];
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return new Migration(id, reader.ReadToEnd());
            })
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .ToList();
        var duplicate = migrations.GroupBy(m => m.Id[..Math.Min(4, m.Id.Length)]).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? migrations
            : throw new InvalidOperationException($"Two migrations share the number {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Id))}.");
    }
}

public sealed record Migration(string Id, string Sql);
