using System.CommandLine;
using Program287g.Cli.Output;
using Program287g.Cli.Parsing;
using Program287g.Cli.Services;
using Program287g.Notification.V1;
using static Program287g.Cli.Commands.NotificationCommand;

namespace Program287g.Cli.Commands;

/// <summary>program287g mailbox list|show|file: the program mailbox, every email it received with what it became,
/// and filing an email as an agency's application.</summary>
public static class MailboxCommand
{
    public static Command Create(CommandContext context) =>
        new("mailbox", "The program mailbox's emails and what they became (the Notification service).")
        {
            List(context), Show(context), File(context),
        };

    private static Command List(CommandContext context)
    {
        var attention = new Option<bool>("--needs-attention") { Description = "Only what waits for a person" };
        var outcome = ProtoChoice.Option<MailboxOutcome>("--outcome", "Only emails that became this");
        var reference = new Option<string?>("--reference") { Description = "Only the emails that became or joined this record (its reference number)" };
        var paging = new Paging();
        var command = new Command("list", "Lists the mailbox's emails, oldest first.") { attention, outcome, reference };
        paging.AddTo(command);
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Notification, (invoker, output) =>
            CommandGuard.RunAsync(output, async () =>
            {
                var list = await Paging.FetchAsync<MailboxMessage>(paging.Read(parse), "messages", output, async (size, token) =>
                {
                    var page = await Client(invoker).ListMailboxMessagesAsync(new ListMailboxMessagesRequest
                    {
                        NeedsAttentionOnly = parse.GetValue(attention), Outcome = parse.GetValue(outcome),
                        ReferenceNumber = parse.GetValue(reference) ?? "", PageSize = size, PageToken = token,
                    }, cancellationToken: cancellationToken);
                    return (page.Messages, page.NextPageToken);
                });
                if (output.Json)
                {
                    output.WriteJson(Paging.Json("messages", list));
                }
                else
                {
                    TableView.Write<MailboxMessage>(output, list.Rows,
                        ("Received", m => Formats.Human(m.ReceivedAt)), ("From", m => m.FromAddress), ("Subject", m => m.Subject),
                        ("Became", m => Formats.Human(m.Outcome)), ("Reference", m => m.ReferenceNumber),
                        ("Attention", m => m.NeedsAttention ? "yes" : ""), ("Id", m => m.MailboxMessageId));
                    Paging.Footer(list, "emails", output);
                }
                return ExitCodes.Ok;
            }, cancellationToken)));
        return command;
    }

    private static Command Show(CommandContext context)
    {
        var id = new Argument<string>("id") { Description = "The mailbox message's id" };
        var command = new Command("show", "Shows one email as recorded, with every copy the server held.") { id };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Notification, (invoker, output) =>
            ServiceCall.PrintAsync(output,
                async () => await Client(invoker).GetMailboxMessageAsync(new GetMailboxMessageRequest { MailboxMessageId = parse.GetValue(id) },
                    cancellationToken: cancellationToken),
                ServiceCall.Record<GetMailboxMessageResponse>(r => r.Message), cancellationToken)));
        return command;
    }

    private static Command File(CommandContext context)
    {
        var id = new Argument<string>("id") { Description = "The mailbox message's id" };
        var agency = new Option<string>("--agency") { Description = "The agency whose application it is (its id)", Required = true };
        var model = ProtoChoice.Option<MailedApplicationModel>("--model", "The model applied for [default: the one the MOA names]");
        var command = new Command("file", "Files an email as the application of the agency named; the acknowledgment answers the email.")
        {
            id, agency, model,
        };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Notification, (invoker, output) =>
            ServiceCall.PrintAsync(output,
                async () => await Client(invoker).FileMailAsApplicationAsync(new FileMailAsApplicationRequest
                {
                    MailboxMessageId = parse.GetValue(id), AgencyId = parse.GetValue(agency), Model = parse.GetValue(model),
                }, cancellationToken: cancellationToken),
                ServiceCall.Record<FileMailAsApplicationResponse>(r => r.Message), cancellationToken)));
        return command;
    }
}
