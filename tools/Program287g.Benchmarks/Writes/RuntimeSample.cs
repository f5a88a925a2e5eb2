using System.Runtime;

namespace Program287g.Benchmarks.Writes;

/// <summary>What the runtime did in this process over a measured window: garbage collections by generation and the time
/// they paused it, methods the JIT compiled and the time it took, and the CPU the process used. The services and the
/// bare servers share the process, so a window's figures are the whole process's while that operation ran: they tell a
/// p99 made by GC pauses, or a rate spent compiling, from one lost elsewhere.</summary>
public sealed record RuntimeSample(int Gen0, int Gen1, int Gen2, TimeSpan GcPause, long MethodsJitted, TimeSpan JitTime,
    TimeSpan ProcessCpu)
{
    public static RuntimeSample Take() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
        GC.GetTotalPauseDuration(), JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime(), Environment.CpuUsage.TotalTime);

    public static RuntimeSample Between(RuntimeSample start, RuntimeSample end) => new(end.Gen0 - start.Gen0,
        end.Gen1 - start.Gen1, end.Gen2 - start.Gen2, end.GcPause - start.GcPause, end.MethodsJitted - start.MethodsJitted,
        end.JitTime - start.JitTime, end.ProcessCpu - start.ProcessCpu);

    /// <summary>Server or workstation GC, concurrent or not (as the runtime runs it, whichever setting chose it), and
    /// tiered PGO as set (DOTNET_TieredPGO or the runtime config; "default" is on): the pauses and the warm-up depend on
    /// them.</summary>
    public static string Settings => $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, "
        + $"{(GCSettings.LatencyMode == GCLatencyMode.Batch ? "not concurrent" : "concurrent")}; "
        + $"tiered PGO: {Environment.GetEnvironmentVariable("DOTNET_TieredPGO") ?? AppContext.GetData("System.Runtime.TieredPGO")?.ToString() ?? "default"}";
}
