namespace Program287g.Notification.Domain;

/// <summary>Whether something owed was done in time, judged at a moment.</summary>
public enum Timeliness
{
    Pending,
    OnTime,
    Late,
    Overdue,
    NotOwed,
}

public static class Timelinesses
{
    /// <summary>Done at or before the due time is on time; not done is overdue only once the due time has passed.
    /// The SLA queries apply the same two comparisons in SQL.</summary>
    public static Timeliness Of(DateTime? dueAt, DateTime? doneAt, DateTimeOffset now) => (dueAt, doneAt) switch
    {
        (null, _) => Timeliness.NotOwed,
        ({ } due, { } done) => done <= due ? Timeliness.OnTime : Timeliness.Late,
        ({ } due, null) => now.UtcDateTime > due ? Timeliness.Overdue : Timeliness.Pending,
    };
}
