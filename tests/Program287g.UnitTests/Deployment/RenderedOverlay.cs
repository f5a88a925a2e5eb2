using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Program287g.UnitTests.Deployment;

/// <summary>What `kubectl kustomize deploy/overlays/NAME` renders, parsed with YamlDotNet: the manifests as the cluster
/// would receive them. kubectl is a prerequisite (scripts/prerequisites.sh installs it): without it every test here
/// fails, none is skipped.</summary>
public sealed class RenderedOverlay
{
    public const string Dev = "dev";
    public const string Production = "production";
    public static readonly string[] Services =
        [ResourceNames.AgencyService, ResourceNames.AgreementService, ResourceNames.NomineeService, ResourceNames.NotificationService];

    private static readonly ConcurrentDictionary<string, Lazy<RenderedOverlay>> Cache = new();

    private RenderedOverlay(string name, IReadOnlyList<Yaml> documents)
    {
        Name = name;
        Documents = documents;
    }

    public string Name { get; }

    public IReadOnlyList<Yaml> Documents { get; }

    public static RenderedOverlay Of(string overlay) =>
        Cache.GetOrAdd(overlay, name => new Lazy<RenderedOverlay>(() => Render(name))).Value;

    public IEnumerable<Yaml> OfKind(string kind) => Documents.Where(document => document.Kind == kind);

    public Yaml Named(string kind, string name) =>
        OfKind(kind).SingleOrDefault(document => document.Name == name)
        ?? throw new InvalidOperationException($"The {Name} overlay renders no {kind} named {name}.");

    /// <summary>Every Deployment of a Program287g service.</summary>
    public IEnumerable<Yaml> ServicePods => OfKind("Deployment").Where(d => d["metadata"]["labels"]["program287g.io/service"].Exists);

    public static Yaml Container(Yaml deployment) => deployment["spec"]["template"]["spec"]["containers"].Items.Single();

    /// <summary>The ConfigMap every service takes its settings from (envFrom), by the name the Deployments give it.</summary>
    public IReadOnlyDictionary<string, string> ConfigFor(Yaml deployment)
    {
        var names = Container(deployment)["envFrom"].Items.Select(source => source["configMapRef"]["name"].Text).ToHashSet();
        return OfKind("ConfigMap").Where(map => names.Contains(map.Name))
            .SelectMany(map => map["data"].Strings).ToDictionary(entry => entry.Key, entry => entry.Value);
    }

    /// <summary>The environment the pod's container starts with: the envFrom ConfigMaps, then its env entries (a value,
    /// or a rendered ConfigMap's key); what comes from a Secret or the pod's fields is a placeholder that names it.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentOf(Yaml deployment)
    {
        var environment = new Dictionary<string, string>(ConfigFor(deployment));
        foreach (var variable in Container(deployment)["env"].Items)
        {
            var from = variable["valueFrom"];
            environment[variable["name"].Text!] = from["configMapKeyRef"].Exists
                ? OfKind("ConfigMap").Single(map => map.Name == from["configMapKeyRef"]["name"].Text)["data"][from["configMapKeyRef"]["key"].Text!].Text ?? ""
                : from["secretKeyRef"].Exists
                    ? $"(secret {from["secretKeyRef"]["name"].Text}/{from["secretKeyRef"]["key"].Text})"
                    : from.Exists ? "(field)" : variable["value"].Text ?? "";
        }
        return environment;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Program287g.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Program287g.sln above {AppContext.BaseDirectory}.");
    }

    private static RenderedOverlay Render(string overlay)
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", Path.Combine(RepositoryRoot(), "deploy", "overlays", overlay)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                "kubectl is not installed, and the deployment tests need it to render deploy/: scripts/prerequisites.sh "
                + "installs it (ensure_kubectl), as ./test.sh does.", exception);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"kubectl kustomize deploy/overlays/{overlay} took over a minute.");
            }
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"kubectl kustomize deploy/overlays/{overlay} failed ({process.ExitCode}): {errors.Result}");
            }
            var stream = new YamlStream();
            stream.Load(new StringReader(output.Result));
            var documents = stream.Documents.Select(document => new Yaml(document.RootNode)).Where(d => d.Kind.Length > 0).ToList();
            return new RenderedOverlay(overlay, documents);
        }
    }
}
