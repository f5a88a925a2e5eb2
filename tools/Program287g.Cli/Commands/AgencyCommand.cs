using System.CommandLine;
using Grpc.Core;
using Program287g.Agency.V1;
using Program287g.Cli.Output;
using Program287g.Cli.Parsing;
using Program287g.Cli.Services;

namespace Program287g.Cli.Commands;

/// <summary>program287g agency register|show|update|list|search|resolve|by-email: the Agency service's directory of
/// law enforcement agencies.</summary>
public static class AgencyCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("agency", "Law enforcement agencies (the Agency service).");
        command.Subcommands.Add(Register(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Update(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Search(context));
        command.Subcommands.Add(Resolve(context));
        command.Subcommands.Add(ByEmail(context));
        return command;
    }

    private static AgencyService.AgencyServiceClient Client(CallInvoker invoker) => new(invoker);

    private static Command Register(CommandContext context)
    {
        var details = new AgencyDetailsOptions(required: true);
        var command = new Command("register", "Registers a law enforcement agency.");
        details.AddTo(command);
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Agency, (invoker, output) =>
        {
            var request = new RegisterAgencyRequest();
            details.Apply(parse, request);
            return ServiceCall.PrintAsync(output,
                async () => await Client(invoker).RegisterAgencyAsync(request, cancellationToken: cancellationToken),
                ServiceCall.Record<RegisterAgencyResponse>(r => r.Agency), cancellationToken);
        }));
        return command;
    }

    private static Command Show(CommandContext context)
    {
        var id = new Argument<string>("id") { Description = "The agency's id" };
        var command = new Command("show", "Shows one agency.") { id };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Agency, (invoker, output) =>
            ServiceCall.PrintAsync(output,
                async () => await Client(invoker).GetAgencyAsync(new GetAgencyRequest { AgencyId = parse.GetValue(id) },
                    cancellationToken: cancellationToken),
                ServiceCall.Record<GetAgencyResponse>(r => r.Agency), cancellationToken)));
        return command;
    }

    private static Command Update(CommandContext context)
    {
        var id = new Argument<string>("id") { Description = "The agency's id" };
        var version = new Option<long?>("--version")
        {
            Description = "The version last read (show prints it); the update is refused if the agency changed since [default: the version read now]",
        };
        var details = new AgencyDetailsOptions(required: false);
        var command = new Command("update", "Changes an agency's details: the options given replace those fields, the rest stay.") { id, version };
        details.AddTo(command);
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Agency, (invoker, output) =>
            ServiceCall.PrintAsync(output, async () =>
            {
                // UpdateAgency replaces every detail: start from what the service holds now.
                var client = Client(invoker);
                var current = (await client.GetAgencyAsync(new GetAgencyRequest { AgencyId = parse.GetValue(id) },
                    cancellationToken: cancellationToken)).Agency;
                var request = new UpdateAgencyRequest
                {
                    AgencyId = current.AgencyId, Version = parse.GetValue(version) ?? current.Version, Name = current.Name,
                    State = current.State, Type = current.Type, Kind = current.Kind, County = current.County,
                    AgencyHead = current.AgencyHead, PointOfContact = current.PointOfContact?.Clone() ?? new PointOfContact(),
                };
                details.Apply(parse, request);
                return await client.UpdateAgencyAsync(request, cancellationToken: cancellationToken);
            }, ServiceCall.Record<UpdateAgencyResponse>(r => r.Agency), cancellationToken)));
        return command;
    }

    private static Command List(CommandContext context)
    {
        var state = new Option<string?>("--state") { Description = "Only one state (USPS code or name)" };
        var type = ProtoChoice.Option<AgencyType>("--type", "Only one type");
        var kind = ProtoChoice.Option<AgencyKind>("--kind", "Only one kind");
        var paging = new Paging();
        var command = new Command("list", "Lists the registered agencies.") { state, type, kind };
        paging.AddTo(command);
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Agency, (invoker, output) =>
            CommandGuard.RunAsync(output, async () =>
            {
                var list = await Paging.FetchAsync<Agency.V1.Agency>(paging.Read(parse), "agencies", output, async (size, token) =>
                {
                    var page = await Client(invoker).ListAgenciesAsync(new ListAgenciesRequest
                    {
                        State = parse.GetValue(state) ?? "", Type = parse.GetValue(type), Kind = parse.GetValue(kind),
                        PageSize = size, PageToken = token,
                    }, cancellationToken: cancellationToken);
                    return (page.Agencies, page.NextPageToken);
                });
                if (output.Json)
                {
                    output.WriteJson(Paging.Json("agencies", list));
                }
                else
                {
                    Table(list.Rows, output);
                    Paging.Footer(list, "agencies", output);
                }
                return ExitCodes.Ok;
            }, cancellationToken)));
        return command;
    }

    private static Command Search(CommandContext context)
    {
        var query = new Argument<string>("query") { Description = "Words of the agency's name" };
        var state = new Option<string?>("--state") { Description = "Only one state (USPS code or name)" };
        var limit = new Option<int>("--limit") { Description = "At most this many matches, 1 to 100 [default: the service's]" };
        var command = new Command("search", "Finds agencies by name, best match first.") { query, state, limit };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Agency, (invoker, output) =>
            ServiceCall.PrintAsync(output,
                async () => await Client(invoker).SearchAgenciesAsync(new SearchAgenciesRequest
                {
                    Query = parse.GetValue(query), State = parse.GetValue(state) ?? "", Limit = parse.GetValue(limit),
                }, cancellationToken: cancellationToken),
                (response, output) => TableView.Write<AgencyMatch>(output, response.Matches,
                    ("Score", m => m.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)),
                    ("State", m => m.Agency.State), ("Agency", m => m.Agency.Name), ("Type", m => Formats.Human(m.Agency.Type)),
                    ("County", m => m.Agency.County), ("Id", m => m.Agency.AgencyId)),
                cancellationToken)));
        return command;
    }

    private static Command Resolve(CommandContext context)
    {
        var name = new Option<string>("--name") { Description = "The agency's name as a list gives it", Required = true };
        var state = new Option<string>("--state") { Description = "Its state (USPS code or name)", Required = true };
        var type = ProtoChoice.Option<AgencyType>("--type", "Its type");
        type.Required = true;
        var county = new Option<string?>("--county") { Description = "Its county" };
        var kind = ProtoChoice.Option<AgencyKind>("--kind", "Its kind [default: the service tells it from the name]");
        var command = new Command("resolve", "Finds the registered agency a list's row names, registering it if there is none.")
        {
            name, state, type, county, kind,
        };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Agency, (invoker, output) =>
            ServiceCall.PrintAsync(output,
                async () => await Client(invoker).ResolveAgenciesAsync(new ResolveAgenciesRequest
                {
                    Agencies =
                    {
                        new ListedAgency
                        {
                            Name = parse.GetValue(name), State = parse.GetValue(state), Type = parse.GetValue(type),
                            County = parse.GetValue(county) ?? "", Kind = parse.GetValue(kind),
                        },
                    },
                }, cancellationToken: cancellationToken),
                (response, output) => TableView.Write<ResolvedAgency>(output, response.Agencies,
                    ("Registered now", r => r.Registered ? "yes" : "no"), ("State", r => r.Agency.State),
                    ("Agency", r => r.Agency.Name), ("Type", r => Formats.Human(r.Agency.Type)), ("Id", r => r.Agency.AgencyId)),
                cancellationToken)));
        return command;
    }

    private static Command ByEmail(CommandContext context)
    {
        var email = new Argument<string>("email") { Description = "An email address, e.g. of a mail to the program mailbox" };
        var command = new Command("by-email", "Finds the agencies whose point of contact has this address, or its domain.") { email };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Agency, (invoker, output) =>
            ServiceCall.PrintAsync(output,
                async () => await Client(invoker).FindAgenciesByEmailAsync(new FindAgenciesByEmailRequest { Email = parse.GetValue(email) },
                    cancellationToken: cancellationToken),
                (response, output) =>
                {
                    output.Out.WriteLine("Same address:");
                    Table(response.SameAddress, output);
                    output.Out.WriteLine(response.FreeMailDomain
                        ? $"Same domain: none looked for, {response.Domain} is a free mail domain."
                        : $"Same domain ({response.Domain}):");
                    if (!response.FreeMailDomain)
                    {
                        Table(response.SameDomain, output);
                    }
                }, cancellationToken)));
        return command;
    }

    private static void Table(IEnumerable<Agency.V1.Agency> agencies, CliOutput output) =>
        TableView.Write<Agency.V1.Agency>(output, agencies,
            ("State", a => a.State), ("Agency", a => a.Name), ("Type", a => Formats.Human(a.Type)), ("Kind", a => Formats.Human(a.Kind)),
            ("County", a => a.County), ("Contact", a => a.PointOfContact?.Email), ("Version", a => a.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Id", a => a.AgencyId));
}
