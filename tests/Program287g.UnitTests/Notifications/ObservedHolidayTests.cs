extern alias NotificationService;

using PublicHoliday;
using NotificationService::Program287g.Notification.Domain;

namespace Program287g.UnitTests.Notifications;

/// <summary>The federal holidays by rule, against OPM's published lists for 2025 to 2030 and, for every day of 2021 to
/// 2100, against the PublicHoliday library's US federal calendar.</summary>
public sealed class ObservedHolidayTests
{
    /// <summary>OPM's federal holiday lists (opm.gov, "Federal Holidays"), observed days, by year.</summary>
    public static TheoryData<int, string[]> PublishedLists() => new()
    {
        { 2025, ["01-01", "01-20", "02-17", "05-26", "06-19", "07-04", "09-01", "10-13", "11-11", "11-27", "12-25"] },
        { 2026, ["01-01", "01-19", "02-16", "05-25", "06-19", "07-03", "09-07", "10-12", "11-11", "11-26", "12-25"] },
        { 2027, ["01-01", "01-18", "02-15", "05-31", "06-18", "07-05", "09-06", "10-11", "11-11", "11-25", "12-24", "12-31"] },
        { 2028, ["01-17", "02-21", "05-29", "06-19", "07-04", "09-04", "10-09", "11-10", "11-23", "12-25"] },
        { 2029, ["01-01", "01-15", "02-19", "05-28", "06-19", "07-04", "09-03", "10-08", "11-12", "11-22", "12-25"] },
        { 2030, ["01-01", "01-21", "02-18", "05-27", "06-19", "07-04", "09-02", "10-14", "11-11", "11-28", "12-25"] },
    };

    [Theory]
    [MemberData(nameof(PublishedLists))]
    public void The_holidays_observed_in_a_year_are_opms_list(int year, string[] published)
    {
        FederalHolidays.ObservedIn(year).Select(h => h.ObservedOn.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(published);
    }

    [Theory]
    [InlineData(2026, 7, 3, "Independence Day", 2026, 7, 4)]
    [InlineData(2027, 6, 18, "Juneteenth National Independence Day", 2027, 6, 19)]
    [InlineData(2027, 7, 5, "Independence Day", 2027, 7, 4)]
    [InlineData(2027, 12, 24, "Christmas Day", 2027, 12, 25)]
    [InlineData(2027, 12, 31, "New Year's Day", 2028, 1, 1)]
    [InlineData(2028, 11, 10, "Veterans Day", 2028, 11, 11)]
    [InlineData(2029, 11, 12, "Veterans Day", 2029, 11, 11)]
    [InlineData(2022, 12, 26, "Christmas Day", 2022, 12, 25)]
    public void A_saturday_holiday_is_observed_the_friday_before_and_a_sunday_one_the_monday_after(int year, int month, int day,
        string name, int statutoryYear, int statutoryMonth, int statutoryDay)
    {
        var observed = new DateOnly(year, month, day);

        var holiday = FederalHolidays.ObservedIn(year).Single(h => h.ObservedOn == observed);

        holiday.Name.ShouldBe(name);
        holiday.Date.ShouldBe(new DateOnly(statutoryYear, statutoryMonth, statutoryDay));
        Calendar().Classify(observed).Description.ShouldBe($"{name} (observed)");
    }

    [Fact]
    public void New_years_day_observed_in_the_year_before_belongs_to_that_year_not_its_own()
    {
        FederalHolidays.ObservedIn(2027).Where(h => h.Name == "New Year's Day").Select(h => h.ObservedOn)
            .ShouldBe([new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)]);
        FederalHolidays.ObservedIn(2028).ShouldNotContain(h => h.Name == "New Year's Day");
        FederalHolidays.ObservedIn(2021).Where(h => h.Name == "New Year's Day").Select(h => h.ObservedOn)
            .ShouldBe([new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31)]);
        FederalHolidays.ObservedIn(2022).ShouldNotContain(h => h.Name == "New Year's Day");
    }

    [Fact]
    public void The_law_as_it_stood_each_year_holds_before_2021()
    {
        FederalHolidays.ObservedIn(2020).ShouldNotContain(h => h.Name.StartsWith("Juneteenth", StringComparison.Ordinal));
        FederalHolidays.ObservedIn(2021).Single(h => h.Name.StartsWith("Juneteenth", StringComparison.Ordinal)).ObservedOn
            .ShouldBe(new DateOnly(2021, 6, 18));
        FederalHolidays.ObservedIn(1985).ShouldNotContain(h => h.Name.StartsWith("Birthday of Martin Luther King", StringComparison.Ordinal));
        FederalHolidays.ObservedIn(1986).Single(h => h.Name.StartsWith("Birthday of Martin Luther King", StringComparison.Ordinal)).ObservedOn
            .ShouldBe(new DateOnly(1986, 1, 20));
        FederalHolidays.ObservedIn(1975).Single(h => h.Name == "Veterans Day").ObservedOn.ShouldBe(new DateOnly(1975, 10, 27));
        FederalHolidays.ObservedIn(1978).Single(h => h.Name == "Veterans Day").ObservedOn.ShouldBe(new DateOnly(1978, 11, 10));
    }

    [Fact]
    public void Every_day_from_2021_to_2100_is_a_holiday_exactly_when_the_publicholiday_library_says_so()
    {
        var library = new USAPublicHoliday();
        var disagreements = new List<string>();
        var ours = Enumerable.Range(2021, 80).SelectMany(FederalHolidays.ObservedIn).Select(h => h.ObservedOn).ToHashSet();
        for (var day = new DateOnly(2021, 1, 1); day <= new DateOnly(2100, 12, 31); day = day.AddDays(1))
        {
            if (ours.Contains(day) != library.IsPublicHoliday(day.ToDateTime(TimeOnly.MinValue)))
            {
                disagreements.Add($"{day:yyyy-MM-dd} ({day.DayOfWeek}): ours {ours.Contains(day)}");
            }
        }

        disagreements.ShouldBeEmpty(string.Join(Environment.NewLine, disagreements.Take(20)));
    }

    private static BusinessCalendar Calendar() =>
        new(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), new Dictionary<DateOnly, string>());
}
