using Grpc.Core;
using Program287g.Notification.V1;
using Program287g.Testing;
using ProtoDate = Google.Type.Date;

namespace Program287g.ServiceTests.Notifications;

/// <summary>The business-day calendar through its RPCs: days, the next business day, due times, holidays, and the
/// closures staff add and remove, which move the due times they touch.</summary>
[Collection(ServersCollection.Name)]
public sealed class CalendarApiTests(TestInfrastructure servers)
{
    private static ProtoDate Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    [Theory]
    [InlineData(2026, 7, 3, DayKind.FederalHoliday, "Independence Day (observed)")]
    [InlineData(2026, 7, 4, DayKind.Weekend, "Saturday")]
    [InlineData(2027, 12, 31, DayKind.FederalHoliday, "New Year's Day (observed)")]
    [InlineData(2025, 1, 9, DayKind.Closure, "Executive order: national day of mourning for President Jimmy Carter")]
    [InlineData(2025, 12, 26, DayKind.Closure, "Executive order: federal offices closed the day after Christmas")]
    [InlineData(2026, 7, 6, DayKind.BusinessDay, "")]
    public async Task A_day_is_a_business_day_or_says_why_not(int year, int month, int day, DayKind kind, string description)
    {
        await using var system = await NotificationSystem.StartAsync(servers);

        var answer = await system.Client(system.Tokens.AgencyUser(Guid.NewGuid().ToString()))
            .IsBusinessDayAsync(new IsBusinessDayRequest { Date = Day(year, month, day) });

        answer.Kind.ShouldBe(kind);
        answer.BusinessDay.ShouldBe(kind == DayKind.BusinessDay);
        answer.Description.ShouldBe(description);
        answer.TimeZone.ShouldBe("America/New_York");
    }

    [Fact]
    public async Task The_next_business_day_skips_weekends_holidays_and_closures_across_the_year_end()
    {
        await using var system = await NotificationSystem.StartAsync(servers);

        (await system.Client().GetNextBusinessDayAsync(new() { Date = Day(2027, 12, 30) })).NextBusinessDay.ShouldBe(Day(2028, 1, 3));
        (await system.Client().GetNextBusinessDayAsync(new() { Date = Day(2025, 12, 23) })).NextBusinessDay.ShouldBe(Day(2025, 12, 29));
        (await system.Client().GetNextBusinessDayAsync(new() { Date = Day(2026, 5, 22) })).NextBusinessDay.ShouldBe(Day(2026, 5, 26));
    }

    [Fact]
    public async Task A_receipt_late_on_the_friday_before_a_monday_holiday_is_due_on_tuesday_and_a_weekend_one_at_the_end_of_monday()
    {
        await using var system = await NotificationSystem.StartAsync(servers);

        var friday = await system.Client().GetDueTimeAsync(new() { ReceivedAt = Eastern.Stamp(2026, 5, 22, 23, 30) });
        var saturday = await system.Client().GetDueTimeAsync(new() { ReceivedAt = Eastern.Stamp(2026, 3, 14, 11) });

        friday.DueAt.ShouldBe(Eastern.Stamp(2026, 5, 26, 23, 30));
        friday.CountedFrom.ShouldBe(Day(2026, 5, 22));
        saturday.CountedFrom.ShouldBe(Day(2026, 3, 16));
        saturday.DueAt.ShouldBe(Eastern.Stamp(2026, 3, 17));
        saturday.TimeZone.ShouldBe("America/New_York");
    }

    [Fact]
    public async Task The_holidays_of_a_year_are_those_observed_in_it_including_the_next_new_years_day_observed_on_december_31()
    {
        await using var system = await NotificationSystem.StartAsync(servers);

        var in2027 = (await system.Client().ListHolidaysAsync(new() { Year = 2027 })).Holidays;
        var in2028 = (await system.Client().ListHolidaysAsync(new() { Year = 2028 })).Holidays;

        in2027.Count.ShouldBe(12);
        in2027[^1].ShouldBe(new Notification.V1.Holiday { Name = "New Year's Day", Date = Day(2028, 1, 1), ObservedOn = Day(2027, 12, 31) });
        in2027.Single(h => h.Name == "Juneteenth National Independence Day").ObservedOn.ShouldBe(Day(2027, 6, 18));
        in2027.Single(h => h.Name == "Independence Day").ObservedOn.ShouldBe(Day(2027, 7, 5));
        in2027.Single(h => h.Name == "Christmas Day").ObservedOn.ShouldBe(Day(2027, 12, 24));
        in2028.Count.ShouldBe(10);
        in2028.ShouldNotContain(h => h.Name == "New Year's Day");
        in2028.Single(h => h.Name == "Veterans Day").ObservedOn.ShouldBe(Day(2028, 11, 10));
    }

    [Fact]
    public async Task Staff_add_and_remove_a_closure_and_the_day_follows()
    {
        await using var system = await NotificationSystem.StartAsync(servers);
        var friday = Day(2026, 11, 27);

        var added = await system.Client().AddClosureAsync(new() { Date = friday, Reason = "Executive order: offices closed" });

        added.Closure.AddedBy.ShouldBe("staff@test");
        (await system.Client().IsBusinessDayAsync(new() { Date = friday })).Kind.ShouldBe(DayKind.Closure);
        (await system.Client().ListClosuresAsync(new() { Year = 2026 })).Closures.Select(c => c.Date).ShouldBe([friday]);
        (await system.Client().ListClosuresAsync(new())).Closures.Count.ShouldBe(4, "the three closures of 2025 the service starts with, and this one");
        var again = await Should.ThrowAsync<RpcException>(() => system.Client().AddClosureAsync(new() { Date = friday, Reason = "twice" }).ResponseAsync);
        again.StatusCode.ShouldBe(StatusCode.AlreadyExists);
        again.Resource()!.ResourceName.ShouldBe("2026-11-27");

        var removed = await system.Client().RemoveClosureAsync(new() { Date = friday });

        removed.Removed.Reason.ShouldBe("Executive order: offices closed");
        (await system.Client().IsBusinessDayAsync(new() { Date = friday })).Kind.ShouldBe(DayKind.BusinessDay);
        var gone = await Should.ThrowAsync<RpcException>(() => system.Client().RemoveClosureAsync(new() { Date = friday }).ResponseAsync);
        gone.StatusCode.ShouldBe(StatusCode.NotFound);
        gone.Resource()!.ResourceType.ShouldBe("closure");
    }

    [Theory]
    [InlineData(2026, 11, 28)]
    [InlineData(2026, 11, 26)]
    public async Task A_closure_on_a_day_that_is_no_business_day_anyway_is_refused_naming_the_date(int year, int month, int day)
    {
        await using var system = await NotificationSystem.StartAsync(servers);

        var refusal = await Should.ThrowAsync<RpcException>(() =>
            system.Client().AddClosureAsync(new() { Date = Day(year, month, day), Reason = "closed" }).ResponseAsync);

        refusal.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        refusal.BadFields().ShouldBe(["date"]);
    }

    [Fact]
    public async Task A_closure_moves_the_due_times_it_touches_and_removing_it_moves_them_back()
    {
        // Thursday 15 October 2026, 10 a.m.: due Friday at 10, unless Friday closes.
        var clock = Eastern.Clock(2026, 10, 15, 10);
        await using var system = await NotificationSystem.StartAsync(servers, new() { Clock = clock });
        var inquiry = (await system.Client().SubmitInquiryAsync(new()
        {
            InquirerName = "Casey Resident", ContactEmail = TestEvents.NewRecipient(), Subject = "A question", Text = "A question.",
        })).Inquiry;
        var earlier = TestEvents.ApplicationSubmitted(Eastern.At(2026, 10, 13, 9));
        await system.PublishAsync(earlier);
        await system.NotificationAsync(n => n.ReferenceNumber == earlier.ReferenceNumber);
        inquiry.DueAt.ShouldBe(Eastern.Stamp(2026, 10, 16, 10));

        var added = await system.Client().AddClosureAsync(new() { Date = Day(2026, 10, 16), Reason = "Executive order" });

        added.DueTimesMoved.ShouldBe(2, "the inquiry and its acknowledgment; the application acknowledged Tuesday was due Wednesday");
        (await system.Client().GetInquiryAsync(new() { InquiryId = inquiry.InquiryId })).Inquiry.DueAt.ShouldBe(Eastern.Stamp(2026, 10, 19, 10));
        (await system.NotificationAsync(n => n.ReferenceNumber == inquiry.ReferenceNumber)).DueAt.ShouldBe(Eastern.Stamp(2026, 10, 19, 10));
        (await system.NotificationAsync(n => n.ReferenceNumber == earlier.ReferenceNumber)).DueAt.ShouldBe(Eastern.Stamp(2026, 10, 14, 9));

        var removed = await system.Client().RemoveClosureAsync(new() { Date = Day(2026, 10, 16) });

        removed.DueTimesMoved.ShouldBe(2);
        (await system.Client().GetInquiryAsync(new() { InquiryId = inquiry.InquiryId })).Inquiry.DueAt.ShouldBe(Eastern.Stamp(2026, 10, 16, 10));
    }
}
