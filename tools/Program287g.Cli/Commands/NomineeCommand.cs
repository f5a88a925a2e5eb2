using System.CommandLine;
using Grpc.Core;
using Program287g.Agreement.V1;
using Program287g.Cli.Output;
using Program287g.Cli.Parsing;
using Program287g.Cli.Services;
using Program287g.Nominee.V1;

namespace Program287g.Cli.Commands;

/// <summary>program287g nominee nominate|show|history|list|withdraw|courses|roster and the steps
/// (<see cref="NomineeSteps"/>): officers an agency nominates, through the Nominee service.</summary>
public static class NomineeCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("nominee", "Officers nominated under an agreement, their steps, and an agency's roster (the Nominee service).");
        command.Subcommands.Add(NominateCommand.Create(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(History(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Courses(context));
        command.Subcommands.Add(RosterCommand.Create(context));
        foreach (var step in NomineeSteps.Create(context))
        {
            command.Subcommands.Add(step);
        }
        return command;
    }

    public static NomineeService.NomineeServiceClient Client(CallInvoker invoker) => new(invoker);

    public static Argument<string> IdArgument() => new("id") { Description = "The nominee's id (as nominate and list print it)" };

    private static Command Show(CommandContext context)
    {
        var id = IdArgument();
        var command = new Command("show", "Shows one nominee: eligibility, background, training, certification, authorization.") { id };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Nominee, (invoker, output) =>
            ServiceCall.PrintAsync(output,
                async () => await Client(invoker).GetNomineeAsync(new GetNomineeRequest { NomineeId = parse.GetValue(id) },
                    cancellationToken: cancellationToken),
                ServiceCall.Record<GetNomineeResponse>(r => r.Nominee), cancellationToken)));
        return command;
    }

    private static Command History(CommandContext context)
    {
        var id = IdArgument();
        var command = new Command("history", "Every step of one nominee, oldest first, with who and when.") { id };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Nominee, (invoker, output) =>
            ServiceCall.PrintAsync(output,
                async () => await Client(invoker).GetNomineeHistoryAsync(new GetNomineeHistoryRequest { NomineeId = parse.GetValue(id) },
                    cancellationToken: cancellationToken),
                (response, output) => TableView.Write<Step>(output, response.Steps,
                    ("Recorded", s => Formats.Human(s.RecordedAt)), ("Effective", s => Formats.Human(s.EffectiveOn)),
                    ("Action", s => s.Action), ("From", s => Formats.Human(s.FromStatus)), ("To", s => Formats.Human(s.ToStatus)),
                    ("Actor", s => s.Actor), ("Role", s => s.ActorRole), ("Note", s => s.Note)),
                cancellationToken)));
        return command;
    }

    private static Command List(CommandContext context)
    {
        var agency = new Option<string?>("--agency") { Description = "Only one agency's (its id)" };
        var agreement = new Option<string?>("--agreement") { Description = "Only one agreement's (its id)" };
        var model = new Option<Model>("--model") { Description = "Only one model", HelpName = "jem|tfm|wso", CustomParser = Choices.ParseModel };
        var statuses = ProtoChoice.Many<NomineeStatus>("--status", "Only nominees in these statuses.");
        var paging = new Paging();
        var command = new Command("list", "Lists nominees and officers, by family name.") { agency, agreement, model, statuses };
        paging.AddTo(command);
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Nominee, (invoker, output) =>
            CommandGuard.RunAsync(output, async () =>
            {
                var request = new ListNomineesRequest
                {
                    AgencyId = parse.GetValue(agency) ?? "", AgreementId = parse.GetValue(agreement) ?? "", Model = parse.GetValue(model),
                    Statuses = { parse.GetValue(statuses) ?? [] },
                };
                var list = await FetchAsync(Client(invoker), request, paging.Read(parse), output, cancellationToken);
                if (output.Json)
                {
                    output.WriteJson(Paging.Json("nominees", list));
                }
                else
                {
                    TableView.Write<Nominee.V1.Nominee>(output, list.Rows,
                        ("Reference", n => n.ReferenceNumber), ("Family name", n => n.Officer?.FamilyName), ("Given name", n => n.Officer?.GivenName),
                        ("Badge", n => n.Officer?.BadgeNumber), ("Agency", n => n.Agency?.Name), ("Agreement", n => n.Agreement?.ReferenceNumber),
                        ("Model", n => n.Agreement is null ? null : Formats.Human(n.Agreement.Model)), ("Status", n => Formats.Human(n.Status)),
                        ("Id", n => n.NomineeId));
                    Paging.Footer(list, "nominees", output);
                }
                return ExitCodes.Ok;
            }, cancellationToken)));
        return command;
    }

    /// <summary>ListNominees, a page or (--all) every page; shared with the roster.</summary>
    public static Task<FetchedList<Nominee.V1.Nominee>> FetchAsync(NomineeService.NomineeServiceClient client, ListNomineesRequest filter,
        PageRequest paging, CliOutput output, CancellationToken cancellationToken) =>
        Paging.FetchAsync<Nominee.V1.Nominee>(paging, "nominees", output, async (size, token) =>
        {
            var request = filter.Clone();
            request.PageSize = size;
            request.PageToken = token;
            var page = await client.ListNomineesAsync(request, cancellationToken: cancellationToken);
            return (page.Nominees, page.NextPageToken);
        });

    private static Command Courses(CommandContext context)
    {
        var model = new Option<Model>("--model") { Description = "Only one model's courses", HelpName = "jem|tfm|wso", CustomParser = Choices.ParseModel };
        var command = new Command("courses", "ICE's training courses per model, with their exams and the pass mark.") { model };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Nominee, (invoker, output) =>
            ServiceCall.PrintAsync(output,
                async () => await Client(invoker).ListTrainingCoursesAsync(new ListTrainingCoursesRequest { Model = parse.GetValue(model) },
                    cancellationToken: cancellationToken),
                (response, output) =>
                {
                    TableView.Write<TrainingCourse>(output, response.Courses,
                        ("Course", c => c.CourseId), ("Model", c => Formats.Human(c.Model)), ("Title", c => c.Title), ("Delivery", c => c.Delivery),
                        ("Hours", c => c.DurationHours.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        ("Exams", c => string.Join(", ", c.Exams.Select(e => $"{e.ExamId} ({e.Title})"))));
                    output.Out.WriteLine($"Pass mark {response.PassMarkPercent}% on each exam; {response.AttemptsPerExam} attempts per exam.");
                }, cancellationToken)));
        return command;
    }
}
