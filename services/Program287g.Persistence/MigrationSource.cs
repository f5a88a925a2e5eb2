using System.Reflection;

namespace Program287g.Persistence;

/// <summary>The migration scripts embedded in one assembly (its Data/Migrations folder), in the order they apply.
/// A service's own scripts have no scope; a shared library's (the messaging tables) carry one, which prefixes their
/// ids ("messaging.0001_outbox_inbox") and makes them apply before the service's own.</summary>
public sealed class MigrationSource(Assembly assembly, string? scope = null)
{
    public string? Scope => scope;

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
                return new Migration(scope is null ? id : $"{scope}.{id}", reader.ReadToEnd());
            })
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .ToList();
        var prefix = scope is null ? 0 : scope.Length + 1;
        var duplicate = migrations.GroupBy(m => m.Id[..Math.Min(prefix + 4, m.Id.Length)]).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? migrations
            : throw new InvalidOperationException($"Two migrations share the number {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Id))}.");
    }
}

public sealed record Migration(string Id, string Sql);
