using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Program287g.UnitTests.Deployment;

/// <summary>Who calls whom over gRPC, read off the code: (caller, callee) for every proto a service compiles with
/// GrpcServices="Client", the owner being the service named in the proto's path (protos/program287g/agency/v1/agency.proto
/// is the Agency service's).</summary>
public static partial class ServiceCalls
{
    public static HashSet<(string Caller, string Callee)> InTheCode()
    {
        var calls = new HashSet<(string, string)>();
        foreach (var project in Directory.GetFiles(Path.Combine(RenderedOverlay.RepositoryRoot(), "services"), "Program287g.*.csproj",
                     SearchOption.AllDirectories))
        {
            var caller = Path.GetFileNameWithoutExtension(project).Replace("Program287g.", "", StringComparison.Ordinal).ToLowerInvariant();
            foreach (var proto in XDocument.Load(project).Descendants("Protobuf").Where(p => (string?)p.Attribute("GrpcServices") == "Client"))
            {
                calls.Add((caller, ProtoOwner().Match((string)proto.Attribute("Include")!).Groups[1].Value));
            }
        }
        return calls;
    }

    /// <summary>The services that call at least one other.</summary>
    public static HashSet<string> Callers() => InTheCode().Select(call => call.Caller).ToHashSet();

    [GeneratedRegex(@"program287g/([a-z]+)/v\d+/")]
    private static partial Regex ProtoOwner();
}
