using Program287g.Agreement.Domain;

namespace Program287g.Agreement.Data;

/// <summary>The ledger's counts over a stretch of time with no ledger entry inside it: they hold for every instant
/// from <see cref="From"/> (the last entry at or before the instant read, or the beginning of time) until, not
/// including, <see cref="Until"/> (the next entry, or the end of time).</summary>
public sealed record LedgerWindow(DateTimeOffset? From, DateTimeOffset? Until, IReadOnlyList<LedgerCount> Counts)
{
    public bool Holds(DateTimeOffset asOf) => (From is not { } from || from <= asOf) && (Until is not { } until || asOf < until);
}

/// <summary>The few windows kept in memory at once, newest first: "now" and the moments callers ask about most.</summary>
public sealed class LedgerWindows
{
    private const int Kept = 16;
    private readonly LedgerWindow[] _windows;

    private LedgerWindows(LedgerWindow[] windows) => _windows = windows;

    public LedgerWindow? Holding(DateTimeOffset asOf) => Array.Find(_windows, window => window.Holds(asOf));

    /// <summary>These windows (none when null) with <paramref name="newest"/> in front, the oldest dropped past the bound.</summary>
    public static LedgerWindows With(LedgerWindows? kept, LedgerWindow newest) =>
        new([newest, .. (kept?._windows ?? []).Take(Kept - 1)]);
}
