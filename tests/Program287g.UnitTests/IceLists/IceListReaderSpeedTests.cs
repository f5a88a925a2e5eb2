using System.Diagnostics;
using Program287g.IceLists;

namespace Program287g.UnitTests.IceLists;

/// <summary>Runs alone, after the parallel tests, so the process's CPU time is the reader's own.</summary>
[CollectionDefinition(nameof(IceListTiming), DisableParallelization = true)]
public sealed class IceListTiming;

[Collection(nameof(IceListTiming))]
public class IceListReaderSpeedTests
{
    [Fact]
    public void A_thousand_row_list_reads_in_well_under_a_second()
    {
        var builder = new IceSheetBuilder().Row(IceSheetBuilder.JulyParticipating);
        for (var i = 0; i < 1000; i++)
        {
            builder.Row(IceRows.July().With(Col.Agency, $"Agency {i}").With(Col.Moa, FixtureCell.Inline("link").Linked($"https://www.ice.gov/{i}.pdf")));
        }
        var bytes = builder.Build().ToArray();
        IceListReader.Read(new MemoryStream(bytes)).Rows.Count.ShouldBe(1000);

        // CPU time rather than the clock: other builds share this machine, and a busy machine is not a slow reader.
        var best = Enumerable.Range(0, 3).Min(_ => CpuTime(() => IceListReader.Read(new MemoryStream(bytes))));

        best.ShouldBeLessThan(TimeSpan.FromMilliseconds(300));
    }

    private static TimeSpan CpuTime(Action action)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        action();
        return Process.GetCurrentProcess().TotalProcessorTime - before;
    }
}
