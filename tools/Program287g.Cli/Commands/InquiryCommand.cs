using System.CommandLine;
using Program287g.Cli.Output;
using Program287g.Cli.Parsing;
using Program287g.Cli.Services;
using Program287g.Notification.V1;
using static Program287g.Cli.Commands.NotificationCommand;

namespace Program287g.Cli.Commands;

/// <summary>program287g inquiry submit|show|answer|list: inquiries to the program, acknowledged at once and due an
/// answer one business day after they were received.</summary>
public static class InquiryCommand
{
    public static Command Create(CommandContext context) =>
        new("inquiry", "Inquiries to the 287(g) program and their answers (the Notification service).")
        {
            Submit(context), Show(context), Answer(context), List(context),
        };

    private static Command Submit(CommandContext context)
    {
        var name = new Option<string>("--name") { Description = "Who asks", Required = true };
        var email = new Option<string>("--email") { Description = "Where the acknowledgment and the answer go", Required = true };
        var subject = new Option<string>("--subject") { Description = "The subject", Required = true };
        var text = new Option<string>("--text") { Description = "The question, up to 10,000 characters", Required = true };
        var agency = new Option<string?>("--agency") { Description = "The agency the inquiry is about (its id)" };
        var requestId = new Option<string?>("--request-id")
        {
            Description = "A UUID of your choosing: running the command again with it records one inquiry and sends one acknowledgment",
        };
        var command = new Command("submit", "Records an inquiry; the inquirer is acknowledged by email.") { name, email, subject, text, agency, requestId };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Notification, (invoker, output) =>
            ServiceCall.PrintAsync(output,
                async () => await Client(invoker).SubmitInquiryAsync(new SubmitInquiryRequest
                {
                    InquirerName = parse.GetValue(name), ContactEmail = parse.GetValue(email), Subject = parse.GetValue(subject),
                    Text = parse.GetValue(text), AgencyId = parse.GetValue(agency) ?? "", RequestId = parse.GetValue(requestId) ?? "",
                }, cancellationToken: cancellationToken),
                ServiceCall.Record<SubmitInquiryResponse>(r => r.Inquiry), cancellationToken)));
        return command;
    }

    private static Command Show(CommandContext context)
    {
        var id = new Argument<string>("id") { Description = "The inquiry's id" };
        var command = new Command("show", "Shows one inquiry, its answer and their emails.") { id };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Notification, (invoker, output) =>
            ServiceCall.PrintAsync(output,
                async () => await Client(invoker).GetInquiryAsync(new GetInquiryRequest { InquiryId = parse.GetValue(id) },
                    cancellationToken: cancellationToken),
                ServiceCall.Record<GetInquiryResponse>(r => r.Inquiry), cancellationToken)));
        return command;
    }

    private static Command Answer(CommandContext context)
    {
        var id = new Argument<string>("id") { Description = "The inquiry's id" };
        var answer = new Option<string>("--answer") { Description = "The answer as the inquirer will read it, up to 10,000 characters", Required = true };
        var command = new Command("answer", "Answers an inquiry; the answer is emailed to the inquirer.") { id, answer };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Notification, (invoker, output) =>
            ServiceCall.PrintAsync(output,
                async () => await Client(invoker).AnswerInquiryAsync(new AnswerInquiryRequest
                {
                    InquiryId = parse.GetValue(id), Answer = parse.GetValue(answer),
                }, cancellationToken: cancellationToken),
                ServiceCall.Record<AnswerInquiryResponse>(r => r.Inquiry), cancellationToken)));
        return command;
    }

    private static Command List(CommandContext context)
    {
        var status = ProtoChoice.Option<InquiryStatus>("--status", "Only open or only answered ones");
        var overdue = new Option<bool>("--overdue") { Description = "Only open inquiries past their due time" };
        var agency = new Option<string?>("--agency") { Description = "Only one agency's (its id)" };
        var paging = new Paging();
        var command = new Command("list", "Lists inquiries, oldest first.") { status, overdue, agency };
        paging.AddTo(command);
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Notification, (invoker, output) =>
            CommandGuard.RunAsync(output, async () =>
            {
                Google.Protobuf.WellKnownTypes.Timestamp? asOf = null;
                var list = await Paging.FetchAsync<Inquiry>(paging.Read(parse), "inquiries", output, async (size, token) =>
                {
                    var page = await Client(invoker).ListInquiriesAsync(new ListInquiriesRequest
                    {
                        Status = parse.GetValue(status), OverdueOnly = parse.GetValue(overdue), AgencyId = parse.GetValue(agency) ?? "",
                        PageSize = size, PageToken = token,
                    }, cancellationToken: cancellationToken);
                    asOf ??= page.AsOf;
                    return (page.Inquiries, page.NextPageToken);
                });
                if (output.Json)
                {
                    output.WriteJson(Paging.Json("inquiries", list, ("asOf", ProtoJson.From(asOf))));
                }
                else
                {
                    TableView.Write<Inquiry>(output, list.Rows,
                        ("Reference", i => i.ReferenceNumber), ("Subject", i => i.Subject), ("From", i => i.InquirerName),
                        ("Status", i => Formats.Human(i.Status)), ("Received", i => Formats.Human(i.ReceivedAt)), ("Due", i => Formats.Human(i.DueAt)),
                        ("Answered", i => Formats.Human(i.AnsweredAt)), ("Timeliness", i => Formats.Human(i.Timeliness)), ("Id", i => i.InquiryId));
                    Paging.Footer(list, $"inquiries, timeliness as of {Formats.Human(asOf)}", output);
                }
                return ExitCodes.Ok;
            }, cancellationToken)));
        return command;
    }
}
