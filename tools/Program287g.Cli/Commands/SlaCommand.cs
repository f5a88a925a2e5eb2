using System.CommandLine;
using Program287g.Cli.Output;
using Program287g.Cli.Parsing;
using Program287g.Cli.Services;
using Program287g.Notification.V1;
using static Program287g.Cli.Commands.NotificationCommand;

namespace Program287g.Cli.Commands;

/// <summary>program287g sla --from DAY --to DAY: the one-business-day promise over a period, per kind of notification
/// and for inquiry answers: how many fell due, and how many were on time, late, overdue or still pending.</summary>
public static class SlaCommand
{
    public static Command Create(CommandContext context)
    {
        var from = CliDates.DayOption("--from", "The period's first day (program time zone).", required: true);
        var to = CliDates.DayOption("--to", "The period's last day, inclusive; at most 366 days after --from.", required: true);
        var command = new Command("sla", "The SLA report: what fell due in a period and whether it was done on time (the Notification service).")
        {
            from, to,
        };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Notification, (invoker, output) =>
            ServiceCall.PrintAsync(output,
                async () => await Client(invoker).GetSlaReportAsync(new GetSlaReportRequest
                {
                    FirstDay = parse.GetValue(from).ToDate(), LastDay = parse.GetValue(to).ToDate(),
                }, cancellationToken: cancellationToken),
                Write, cancellationToken)));
        return command;
    }

    private static void Write(GetSlaReportResponse report, CliOutput output)
    {
        var lines = report.Notifications.Select(line => (What: Formats.Human(line.Kind), Counts: (SlaCounts?)line.Counts))
            .Append(("All notifications", (SlaCounts?)report.NotificationsTotal))
            .Append(("Inquiry answers", (SlaCounts?)report.InquiryAnswers));
        TableView.Write<(string What, SlaCounts? Counts)>(output, lines,
            ("", l => l.What), ("Due", l => Count(l.Counts?.Due)), ("On time", l => Count(l.Counts?.OnTime)), ("Late", l => Count(l.Counts?.Late)),
            ("Overdue", l => Count(l.Counts?.Overdue)), ("Pending", l => Count(l.Counts?.Pending)),
            ("Undeliverable", l => Count(l.Counts?.Undeliverable)));
        output.Out.WriteLine($"{Formats.Human(report.FirstDay)} to {Formats.Human(report.LastDay)} ({report.TimeZone}), as of {Formats.Human(report.AsOf)}.");
    }

    private static string Count(int? value) => Formats.Count(value ?? 0);
}
