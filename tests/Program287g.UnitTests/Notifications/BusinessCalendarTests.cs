extern alias NotificationService;

using NotificationService::Program287g.Notification.Domain;

namespace Program287g.UnitTests.Notifications;

/// <summary>Business days and due times, in the program's zone: weekends, holidays, closures, and the rule that a receipt
/// is due at the same time on the next business day (from the start of the next business day when received on another).</summary>
public sealed class BusinessCalendarTests
{
    private static readonly TimeZoneInfo EasternZone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo PacificZone = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    /// <summary>The executive-order closures of 2025.</summary>
    private static readonly BusinessCalendar Calendar = new(EasternZone, new Dictionary<DateOnly, string>
    {
        [new DateOnly(2025, 1, 9)] = "National day of mourning",
        [new DateOnly(2025, 12, 24)] = "Christmas Eve",
        [new DateOnly(2025, 12, 26)] = "Day after Christmas",
    });

    private static DateTimeOffset At(TimeZoneInfo zone, int year, int month, int day, int hour = 0, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static DateTimeOffset Eastern(int year, int month, int day, int hour = 0, int minute = 0) => At(EasternZone, year, month, day, hour, minute);

    [Theory]
    [InlineData(2026, 3, 14, DayKind.Weekend, "Saturday")]
    [InlineData(2026, 3, 15, DayKind.Weekend, "Sunday")]
    [InlineData(2026, 3, 16, DayKind.BusinessDay, "")]
    [InlineData(2026, 7, 3, DayKind.FederalHoliday, "Independence Day (observed)")]
    [InlineData(2026, 11, 26, DayKind.FederalHoliday, "Thanksgiving Day")]
    [InlineData(2026, 11, 27, DayKind.BusinessDay, "")]
    [InlineData(2025, 1, 9, DayKind.Closure, "National day of mourning")]
    [InlineData(2025, 12, 24, DayKind.Closure, "Christmas Eve")]
    [InlineData(2025, 12, 25, DayKind.FederalHoliday, "Christmas Day")]
    [InlineData(2025, 12, 26, DayKind.Closure, "Day after Christmas")]
    [InlineData(2026, 12, 24, DayKind.BusinessDay, "")]
    public void A_day_is_classified_with_what_makes_it_so(int year, int month, int day, DayKind kind, string description)
    {
        var verdict = Calendar.Classify(new DateOnly(year, month, day));

        verdict.Kind.ShouldBe(kind);
        verdict.Description.ShouldBe(description);
        verdict.IsBusinessDay.ShouldBe(kind == DayKind.BusinessDay);
    }

    [Fact]
    public void Every_weekday_of_2025_to_2030_that_is_no_holiday_or_closure_is_a_business_day_and_no_other_day_is()
    {
        var holidays = Enumerable.Range(2025, 6).SelectMany(FederalHolidays.ObservedIn).Select(h => h.ObservedOn).ToHashSet();
        var businessDays = 0;
        for (var day = new DateOnly(2025, 1, 1); day <= new DateOnly(2030, 12, 31); day = day.AddDays(1))
        {
            var expected = day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day)
                && day != new DateOnly(2025, 1, 9) && day != new DateOnly(2025, 12, 24) && day != new DateOnly(2025, 12, 26);
            Calendar.IsBusinessDay(day).ShouldBe(expected, $"{day:yyyy-MM-dd}");
            businessDays += expected ? 1 : 0;
        }
        businessDays.ShouldBe(1565 - 66 - 3, "the weekdays of six years, less 66 observed holidays and the 2025 closures");
    }

    [Theory]
    [InlineData(2026, 5, 22, 2026, 5, 26)] // Friday before Memorial Day
    [InlineData(2027, 12, 30, 2028, 1, 3)] // New Year's Day 2028 observed on Friday 31 December 2027
    [InlineData(2025, 12, 23, 2025, 12, 29)] // two closures around Christmas
    [InlineData(2025, 1, 8, 2025, 1, 10)] // the national day of mourning
    [InlineData(2026, 7, 2, 2026, 7, 6)] // Independence Day observed on Friday 3 July
    [InlineData(2026, 3, 14, 2026, 3, 16)] // a Saturday
    public void The_next_business_day_skips_weekends_holidays_and_closures(int year, int month, int day, int nextYear, int nextMonth, int nextDay)
    {
        Calendar.NextBusinessDay(new DateOnly(year, month, day)).ShouldBe(new DateOnly(nextYear, nextMonth, nextDay));
    }

    [Fact]
    public void A_receipt_on_a_business_day_is_due_at_the_same_time_on_the_next_business_day()
    {
        var due = Calendar.DueAt(Eastern(2026, 3, 10, 14, 37));

        due.CountedFrom.ShouldBe(new DateOnly(2026, 3, 10));
        due.DueAt.ShouldBe(Eastern(2026, 3, 11, 14, 37));
    }

    [Theory]
    [InlineData(16, 55)]
    [InlineData(23, 59)]
    public void A_receipt_late_on_a_friday_before_a_monday_holiday_is_due_on_tuesday_at_that_time(int hour, int minute)
    {
        var due = Calendar.DueAt(Eastern(2026, 5, 22, hour, minute));

        due.CountedFrom.ShouldBe(new DateOnly(2026, 5, 22));
        due.DueAt.ShouldBe(Eastern(2026, 5, 26, hour, minute));
    }

    [Theory]
    [InlineData(2026, 5, 23, 10)] // Saturday
    [InlineData(2026, 5, 24, 23)] // Sunday
    [InlineData(2026, 5, 25, 9)] // Memorial Day
    public void A_receipt_on_another_day_counts_from_the_start_of_the_next_business_day_and_is_due_when_that_day_ends(
        int year, int month, int day, int hour)
    {
        var due = Calendar.DueAt(Eastern(year, month, day, hour));

        due.CountedFrom.ShouldBe(new DateOnly(2026, 5, 26));
        due.DueAt.ShouldBe(Eastern(2026, 5, 27));
    }

    [Fact]
    public void A_receipt_at_midnight_at_the_start_of_a_business_day_is_due_at_the_start_of_the_next()
    {
        Calendar.DueAt(Eastern(2026, 3, 10)).DueAt.ShouldBe(Eastern(2026, 3, 11));
    }

    [Fact]
    public void The_closures_around_christmas_2025_hold_a_receipt_until_the_next_monday()
    {
        Calendar.DueAt(Eastern(2025, 12, 23, 10)).DueAt.ShouldBe(Eastern(2025, 12, 29, 10));
        Calendar.DueAt(Eastern(2025, 12, 24, 10)).DueAt.ShouldBe(Eastern(2025, 12, 30), "counted from Monday 29 December");
    }

    [Fact]
    public void A_receipt_before_new_years_day_observed_in_the_old_year_is_due_in_the_new_one()
    {
        Calendar.DueAt(Eastern(2027, 12, 30, 16)).DueAt.ShouldBe(Eastern(2028, 1, 3, 16));
    }

    [Fact]
    public void Due_times_keep_the_wall_clock_time_across_a_change_of_daylight_saving_time()
    {
        // Clocks go forward on Sunday 8 March 2026 and back on Sunday 1 November 2026.
        var spring = Calendar.DueAt(Eastern(2026, 3, 6, 9));
        var autumn = Calendar.DueAt(Eastern(2026, 10, 30, 9));

        spring.DueAt.ShouldBe(Eastern(2026, 3, 9, 9));
        (spring.DueAt - spring.ReceivedAt).ShouldBe(TimeSpan.FromHours(71));
        autumn.DueAt.ShouldBe(Eastern(2026, 11, 2, 9));
        (autumn.DueAt - autumn.ReceivedAt).ShouldBe(TimeSpan.FromHours(73));
    }

    [Fact]
    public void The_zone_decides_the_day_a_receipt_falls_on()
    {
        var pacific = new BusinessCalendar(PacificZone, new Dictionary<DateOnly, string>());
        // Friday 22 May 2026, 10 p.m. in California is already Saturday 1 a.m. in Washington.
        var receivedAt = At(PacificZone, 2026, 5, 22, 22);

        pacific.DueAt(receivedAt).DueAt.ShouldBe(At(PacificZone, 2026, 5, 26, 22));
        Calendar.DueAt(receivedAt).DueAt.ShouldBe(Eastern(2026, 5, 27));
    }

    [Fact]
    public void A_closure_added_to_the_calendar_moves_the_due_time_past_it()
    {
        var closed = new BusinessCalendar(EasternZone, new Dictionary<DateOnly, string> { [new DateOnly(2026, 10, 16)] = "Closed" });

        closed.DueAt(Eastern(2026, 10, 15, 10)).DueAt.ShouldBe(Eastern(2026, 10, 19, 10));
        closed.DueAt(Eastern(2026, 10, 16, 10)).DueAt.ShouldBe(Eastern(2026, 10, 20), "counted from Monday, after Columbus Day's week");
    }

    [Fact]
    public void A_time_of_day_that_does_not_exist_moves_to_the_first_moment_after_the_gap_and_an_ambiguous_one_is_the_later()
    {
        Calendar.InstantOf(new DateOnly(2026, 3, 8), new TimeOnly(2, 30)).ShouldBe(Eastern(2026, 3, 8, 3));
        Calendar.InstantOf(new DateOnly(2026, 11, 1), new TimeOnly(1, 30)).ShouldBe(new DateTimeOffset(2026, 11, 1, 6, 30, 0, TimeSpan.Zero));
    }
}
