using System.Diagnostics;

namespace Program287g.Testing;

public static class Tracing
{
    /// <summary>Samples every activity of every source while the returned listener lives, as an OpenTelemetry pipeline
    /// would: without a listener .NET creates no activities and no trace context travels.</summary>
    public static ActivityListener ListenToEverything()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
