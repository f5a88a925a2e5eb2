namespace Program287g.Cli;

/// <summary>What scripts can rely on.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The service refused the call (or answered something the tool cannot use).</summary>
    public const int Refused = 1;

    /// <summary>A usage problem (bad arguments, missing file, no token) or the service could not be reached.</summary>
    public const int Usage = 2;

    /// <summary>A file to be written exists and --force was not given: it is left as it was (agreement documents).</summary>
    public const int NotReplaced = 3;

    /// <summary>Ctrl+C, as shells report a SIGINT.</summary>
    public const int Cancelled = 130;
}
