using System.CommandLine;
using Google.Protobuf;
using Program287g.Cli.Parsing;
using Program287g.Cli.Services;
using Program287g.Nominee.V1;

namespace Program287g.Cli.Commands;

/// <summary>The steps of a nomination, one command each (program287g nominee background start|result, enroll, exam,
/// certify, authorize, suspend, reinstate, revoke, refresher, withdraw): each prints the nominee as the step left it;
/// a step not allowed from the nominee's status is refused (exit 1) naming the status.</summary>
public static class NomineeSteps
{
    public static IEnumerable<Command> Create(CommandContext context)
    {
        var background = new Command("background", "The background investigation: start it, record its result.")
        {
            Step(context, "start", "Records that the background investigation started.", [Day("--on", "The day it started.")],
                (parse, id, options, client, token) => client.StartBackgroundInvestigationAsync(new StartBackgroundInvestigationRequest
                {
                    NomineeId = id, StartedOn = DayOf(parse, options[0]),
                }, cancellationToken: token).ResponseAsync, r => r.Nominee),
            Step(context, "result", "Records the investigation's outcome: passed (may be trained) or failed (the nomination ends).",
                [Required(ProtoChoice.Option<BackgroundOutcome>("--outcome", "What the investigation found")), Day("--on", "The day it was completed."),
                 new Option<string?>("--note") { Description = "Kept in the nominee's history, never logged" }],
                (parse, id, options, client, token) => client.RecordBackgroundResultAsync(new RecordBackgroundResultRequest
                {
                    NomineeId = id, Outcome = parse.GetValue((Option<BackgroundOutcome>)options[0]), CompletedOn = DayOf(parse, options[1]),
                    Note = Text(parse, options[2]),
                }, cancellationToken: token).ResponseAsync, r => r.Nominee),
        };
        yield return background;
        yield return Step(context, "enroll", "Enrols a cleared nominee in a course for the model of the agreement (nominee courses lists them).",
            [new Option<string>("--course") { Description = "The course's id", Required = true }, Day("--starts-on", "The course's first day.")],
            (parse, id, options, client, token) => client.EnrollInTrainingAsync(new EnrollInTrainingRequest
            {
                NomineeId = id, CourseId = Text(parse, options[0]), StartsOn = DayOf(parse, options[1]),
            }, cancellationToken: token).ResponseAsync, r => r.Nominee);
        yield return Step(context, "exam", "Records one exam attempt (pass mark 70%, one retake; a second failure dismisses the nominee).",
            [new Option<string>("--exam") { Description = "The exam's id", Required = true },
             new Option<int>("--attempt") { Description = "1 for the first attempt, 2 for the retake", Required = true },
             new Option<int>("--score") { Description = "The score, 0 to 100 percent", Required = true }, Day("--on", "The day it was taken.")],
            (parse, id, options, client, token) => client.RecordExamResultAsync(new RecordExamResultRequest
            {
                NomineeId = id, ExamId = Text(parse, options[0]), Attempt = parse.GetValue((Option<int>)options[1]),
                ScorePercent = parse.GetValue((Option<int>)options[2]), TakenOn = DayOf(parse, options[3]),
            }, cancellationToken: token).ResponseAsync, r => r.Nominee);
        yield return Step(context, "certify", "Records ICE's written certification that the officer passed the training.",
            [Day("--on", "The day of the certification."), new Option<string>("--by") { Description = "Who certified", Required = true },
             new Option<string>("--title") { Description = "Their title", Required = true }],
            (parse, id, options, client, token) => client.CertifyOfficerAsync(new CertifyOfficerRequest
            {
                NomineeId = id, CertifiedOn = DayOf(parse, options[0]), CertifiedBy = Text(parse, options[1]), CertifiedByTitle = Text(parse, options[2]),
            }, cancellationToken: token).ResponseAsync, r => r.Nominee);
        yield return Step(context, "authorize", "Issues the Form 70-006 \"Designated Immigration Officer\" authorization.",
            [Day("--on", "The day it was issued."),
             new Option<string>("--office") { Description = "The issuing ICE field office, e.g. \"ERO Houston Field Office\"", Required = true }],
            (parse, id, options, client, token) => client.IssueAuthorizationAsync(new IssueAuthorizationRequest
            {
                NomineeId = id, IssuedOn = DayOf(parse, options[0]), IssuingOffice = Text(parse, options[1]),
            }, cancellationToken: token).ResponseAsync, r => r.Nominee);
        yield return Step(context, "suspend", "Suspends the officer's authorization.", [Reason("Why")],
            (parse, id, options, client, token) => client.SuspendAuthorizationAsync(new SuspendAuthorizationRequest
            {
                NomineeId = id, Reason = Text(parse, options[0]),
            }, cancellationToken: token).ResponseAsync, r => r.Nominee);
        yield return Step(context, "reinstate", "Ends a suspension ICE imposed on this officer.",
            [new Option<string?>("--note") { Description = "Kept in the history" }],
            (parse, id, options, client, token) => client.ReinstateAuthorizationAsync(new ReinstateAuthorizationRequest
            {
                NomineeId = id, Note = Text(parse, options[0]),
            }, cancellationToken: token).ResponseAsync, r => r.Nominee);
        yield return Step(context, "revoke", "Revokes the officer's authorization, for good.", [Reason("Why")],
            (parse, id, options, client, token) => client.RevokeAuthorizationAsync(new RevokeAuthorizationRequest
            {
                NomineeId = id, Reason = Text(parse, options[0]),
            }, cancellationToken: token).ResponseAsync, r => r.Nominee);
        yield return Step(context, "refresher", "Records refresher training: the next refresher (and a term's end) moves on.",
            [Day("--on", "The day it was completed.")],
            (parse, id, options, client, token) => client.RecordRefresherTrainingAsync(new RecordRefresherTrainingRequest
            {
                NomineeId = id, CompletedOn = DayOf(parse, options[0]),
            }, cancellationToken: token).ResponseAsync, r => r.Nominee);
        yield return Step(context, "withdraw", "The agency withdraws the nomination (before an authorization is issued).", [Reason("Why")],
            (parse, id, options, client, token) => client.WithdrawNominationAsync(new WithdrawNominationRequest
            {
                NomineeId = id, Reason = Text(parse, options[0]),
            }, cancellationToken: token).ResponseAsync, r => r.Nominee);
    }

    private delegate Task<TResponse> StepCall<TResponse>(ParseResult parse, string nomineeId, Option[] options,
        NomineeService.NomineeServiceClient client, CancellationToken cancellationToken);

    private static Command Step<TResponse>(CommandContext context, string name, string description, Option[] options,
        StepCall<TResponse> call, Func<TResponse, IMessage> nominee) where TResponse : IMessage
    {
        var id = NomineeCommand.IdArgument();
        var command = new Command(name, description) { id };
        foreach (var option in options)
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Nominee, (invoker, output) =>
            ServiceCall.PrintAsync(output, () => call(parse, parse.GetValue(id)!, options, NomineeCommand.Client(invoker), cancellationToken),
                ServiceCall.Record(nominee), cancellationToken)));
        return command;
    }

    private static Option<DateOnly?> Day(string name, string description) => CliDates.DayOption(name, description, required: true);

    private static Option<string> Reason(string description) => new("--reason") { Description = description, Required = true };

    private static T Required<T>(T option) where T : Option
    {
        option.Required = true;
        return option;
    }

    private static Google.Type.Date? DayOf(ParseResult parse, Option option) => parse.GetValue((Option<DateOnly?>)option).ToDate();

    // Option<string> and Option<string?> are one type at run time: this reads either.
    private static string Text(ParseResult parse, Option option) => parse.GetValue((Option<string>)option) ?? "";
}
