using System.CommandLine;
using Program287g.Cli.Output;
using Program287g.Cli.Services;
using Program287g.Notification.V1;
using static Program287g.Cli.Commands.NotificationCommand;
using CliDates = Program287g.Cli.Parsing.CliDates;

namespace Program287g.Cli.Commands;

/// <summary>program287g closure list|add|remove: the days staff close (executive-order closures); adding or removing
/// one moves every due time it touches, and the command says how many moved.</summary>
public static class ClosureCommand
{
    public static Command Create(CommandContext context)
    {
        var year = new Option<int>("--year") { Description = "Only one year's [default: every year]" };
        var list = new Command("list", "Lists the closures staff recorded, by date.") { year };
        list.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Notification, (invoker, output) =>
            ServiceCall.PrintAsync(output,
                async () => await Client(invoker).ListClosuresAsync(new ListClosuresRequest { Year = parse.GetValue(year) },
                    cancellationToken: cancellationToken),
                (response, output) => TableView.Write<Closure>(output, response.Closures,
                    ("Date", c => Formats.Human(c.Date)), ("Reason", c => c.Reason), ("Added by", c => c.AddedBy), ("Added", c => Formats.Human(c.AddedAt))),
                cancellationToken)));

        var addDay = CliDates.DayArgument("date", "The day closed.");
        var reason = new Option<string>("--reason") { Description = "Why, e.g. \"Executive order: federal offices closed\"", Required = true };
        var add = new Command("add", "Closes a business day; the due times it touches move.") { addDay, reason };
        add.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Notification, (invoker, output) =>
            ServiceCall.PrintAsync(output,
                async () => await Client(invoker).AddClosureAsync(new AddClosureRequest
                {
                    Date = CalendarCommand.Day(parse.GetValue(addDay)), Reason = parse.GetValue(reason),
                }, cancellationToken: cancellationToken),
                ServiceCall.Record<AddClosureResponse>(r => r), cancellationToken)));

        var removeDay = CliDates.DayArgument("date", "The day no longer closed.");
        var remove = new Command("remove", "Removes a closure; the due times it had moved move back.") { removeDay };
        remove.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Notification, (invoker, output) =>
            ServiceCall.PrintAsync(output,
                async () => await Client(invoker).RemoveClosureAsync(new RemoveClosureRequest { Date = CalendarCommand.Day(parse.GetValue(removeDay)) },
                    cancellationToken: cancellationToken),
                ServiceCall.Record<RemoveClosureResponse>(r => r), cancellationToken)));

        return new Command("closure", "Days staff close, which are not business days (the Notification service).") { list, add, remove };
    }
}
