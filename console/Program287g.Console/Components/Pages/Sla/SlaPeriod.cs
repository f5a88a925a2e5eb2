namespace Program287g.Console.Components.Pages.Sla;

/// <summary>The days an SLA report covers, first and last inclusive, in the program's time zone (Eastern), and the quick
/// choices the page offers. Nothing here checks the period: the Notification service does, and the page shows its words.</summary>
public sealed record SlaPeriod(DateOnly First, DateOnly Last)
{
    public const int DefaultDays = 30;

    public static SlaPeriod LastDays(DateOnly today, int days = DefaultDays) => new(today.AddDays(1 - days), today);

    /// <summary>The whole calendar month of today: its later days count what is pending (due, not yet done).</summary>
    public static SlaPeriod ThisMonth(DateOnly today) => Month(new DateOnly(today.Year, today.Month, 1));

    public static SlaPeriod LastMonth(DateOnly today) => Month(new DateOnly(today.Year, today.Month, 1).AddMonths(-1));

    private static SlaPeriod Month(DateOnly first) => new(first, first.AddMonths(1).AddDays(-1));
}
