using System.CommandLine;
using Program287g.Cli.Output;
using Program287g.Cli.Parsing;
using Program287g.Cli.Services;
using Program287g.Notification.V1;
using static Program287g.Cli.Commands.NotificationCommand;

namespace Program287g.Cli.Commands;

/// <summary>program287g calendar day|next|due|holidays, sla, closure list|add|remove: the business-day calendar the
/// one-business-day promise is kept by, the report on that promise, and the closures staff record.</summary>
public static class CalendarCommand
{
    public static Command Create(CommandContext context)
    {
        var day = CliDates.DayArgument("date", "The day.");
        var isBusinessDay = new Command("day", "Whether a day is a business day, and if not, why.") { day };
        isBusinessDay.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Notification, (invoker, output) =>
            ServiceCall.PrintAsync(output,
                async () => await Client(invoker).IsBusinessDayAsync(new IsBusinessDayRequest { Date = Day(parse.GetValue(day)) },
                    cancellationToken: cancellationToken),
                ServiceCall.Record<IsBusinessDayResponse>(r => r), cancellationToken)));

        var after = CliDates.DayArgument("date", "The day after which to look.");
        var next = new Command("next", "The first business day after a day.") { after };
        next.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Notification, (invoker, output) =>
            ServiceCall.PrintAsync(output,
                async () => await Client(invoker).GetNextBusinessDayAsync(new GetNextBusinessDayRequest { Date = Day(parse.GetValue(after)) },
                    cancellationToken: cancellationToken),
                ServiceCall.Record<GetNextBusinessDayResponse>(r => r), cancellationToken)));

        var received = CliDates.MomentArgument("received-at", "When it was received.");
        var due = new Command("due", "When something received at a moment is due: the same time on the next business day.") { received };
        due.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Notification, (invoker, output) =>
            ServiceCall.PrintAsync(output,
                async () => await Client(invoker).GetDueTimeAsync(new GetDueTimeRequest
                {
                    ReceivedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(parse.GetValue(received)),
                }, cancellationToken: cancellationToken),
                ServiceCall.Record<GetDueTimeResponse>(r => r), cancellationToken)));

        var year = new Argument<int>("year") { Description = "The year, 1971 to 9998" };
        var holidays = new Command("holidays", "The federal holidays observed in a year, by observed day.") { year };
        holidays.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Notification, (invoker, output) =>
            ServiceCall.PrintAsync(output,
                async () => await Client(invoker).ListHolidaysAsync(new ListHolidaysRequest { Year = parse.GetValue(year) },
                    cancellationToken: cancellationToken),
                (response, output) => TableView.Write<Holiday>(output, response.Holidays,
                    ("Observed on", h => Formats.Human(h.ObservedOn)), ("Holiday", h => h.Name), ("Date", h => Formats.Human(h.Date))),
                cancellationToken)));

        return new Command("calendar", "The business-day calendar: Monday to Friday, less federal holidays and closures (the Notification service).")
        {
            isBusinessDay, next, due, holidays,
        };
    }

    public static Google.Type.Date Day(DateOnly day) => ((DateOnly?)day).ToDate()!;
}
