using System.CommandLine;
using Grpc.Core;
using Program287g.Cli.Output;
using Program287g.Cli.Parsing;
using Program287g.Cli.Services;
using Program287g.Notification.V1;

namespace Program287g.Cli.Commands;

/// <summary>program287g notification list|show: every acknowledgment and notice the Notification service owes, with
/// when it was due and whether it went on time.</summary>
public static class NotificationCommand
{
    public static NotificationService.NotificationServiceClient Client(CallInvoker invoker) => new(invoker);

    public static Command Create(CommandContext context)
    {
        var id = new Argument<string>("id") { Description = "The notification's id" };
        var show = new Command("show", "Shows one notification: received, due, sent, attempts, last error.") { id };
        show.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Notification, (invoker, output) =>
            ServiceCall.PrintAsync(output,
                async () => await Client(invoker).GetNotificationAsync(new GetNotificationRequest { NotificationId = parse.GetValue(id) },
                    cancellationToken: cancellationToken),
                ServiceCall.Record<GetNotificationResponse>(r => r.Notification), cancellationToken)));
        return new Command("notification", "The acknowledgments and notices the program emails (the Notification service).")
        {
            List(context), show,
        };
    }

    private static Command List(CommandContext context)
    {
        var kind = ProtoChoice.Option<NotificationKind>("--kind", "Only one kind");
        var status = ProtoChoice.Option<NotificationStatus>("--status", "Only one status");
        var timeliness = ProtoChoice.Option<Timeliness>("--timeliness", "Only those judged so");
        var agency = new Option<string?>("--agency") { Description = "Only one agency's (its id)" };
        var from = CliDates.MomentOption("--received-from", "Only those received at or after this moment.");
        var before = CliDates.MomentOption("--received-before", "Only those received before this moment.");
        var paging = new Paging();
        var command = new Command("list", "Lists notifications, oldest first.") { kind, status, timeliness, agency, from, before };
        paging.AddTo(command);
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Notification, (invoker, output) =>
            CommandGuard.RunAsync(output, async () =>
            {
                Google.Protobuf.WellKnownTypes.Timestamp? asOf = null;
                var list = await Paging.FetchAsync<Notification.V1.Notification>(paging.Read(parse), "notifications", output, async (size, token) =>
                {
                    var page = await Client(invoker).ListNotificationsAsync(new ListNotificationsRequest
                    {
                        Kind = parse.GetValue(kind), Status = parse.GetValue(status), Timeliness = parse.GetValue(timeliness),
                        AgencyId = parse.GetValue(agency) ?? "", ReceivedFrom = parse.GetValue(from).ToTimestamp(),
                        ReceivedBefore = parse.GetValue(before).ToTimestamp(), PageSize = size, PageToken = token,
                    }, cancellationToken: cancellationToken);
                    asOf ??= page.AsOf;
                    return (page.Notifications, page.NextPageToken);
                });
                if (output.Json)
                {
                    output.WriteJson(Paging.Json("notifications", list, ("asOf", ProtoJson.From(asOf))));
                }
                else
                {
                    TableView.Write<Notification.V1.Notification>(output, list.Rows,
                        ("Kind", n => Formats.Human(n.Kind)), ("Reference", n => n.ReferenceNumber), ("Status", n => Formats.Human(n.Status)),
                        ("Received", n => Formats.Human(n.ReceivedAt)), ("Due", n => Formats.Human(n.DueAt)), ("Sent", n => Formats.Human(n.SentAt)),
                        ("Timeliness", n => Formats.Human(n.Timeliness)), ("Attempts", n => Formats.Count(n.Attempts)), ("Id", n => n.NotificationId));
                    Paging.Footer(list, $"notifications, timeliness as of {Formats.Human(asOf)}", output);
                }
                return ExitCodes.Ok;
            }, cancellationToken)));
        return command;
    }
}
