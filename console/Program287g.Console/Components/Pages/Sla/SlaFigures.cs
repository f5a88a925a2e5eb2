using System.Globalization;
using Program287g.Notification.V1;

namespace Program287g.Console.Components.Pages.Sla;

/// <summary>How the page states an SLA line's figures in words, for the table and the chart's text alternative.</summary>
public static class SlaFigures
{
    /// <summary>The share on time of what has been judged: done (on time or late) or past due undone (overdue). Pending
    /// items are not yet judged either way, so they stay out; "—" when nothing has been judged.</summary>
    public static string OnTimeShare(SlaCounts counts)
    {
        var judged = counts.OnTime + counts.Late + counts.Overdue;
        return judged == 0 ? "—" : (100.0 * counts.OnTime / judged).ToString("0.#", CultureInfo.InvariantCulture) + "%";
    }

    public static string Describe(string name, SlaCounts counts) =>
        $"{name}: {counts.Due} due, {counts.OnTime} on time, {counts.Late} late, {counts.Overdue} overdue, " +
        $"{counts.Pending} pending, {counts.Undeliverable} undeliverable";
}
