namespace Program287g.ServiceDefaults;

/// <summary>Activity source and meter names that the telemetry pipeline listens to.</summary>
public static class TelemetrySources
{
    /// <summary>MassTransit's own ActivitySource and Meter name (DiagnosticHeaders.DefaultListenerName).</summary>
    public const string MassTransit = "MassTransit";

    /// <summary>Our own spans and instruments (outbox dispatch, migrations and the like).</summary>
    public const string Program287g = "Program287g";
}

public static class HealthTags
{
    /// <summary>Checks that only say the process is up; everything else says it is ready to serve.</summary>
    public const string Live = "live";
}
