using System.CommandLine;
using System.Text.Json.Nodes;
using Program287g.Cli.Output;
using Program287g.Cli.Services;
using Program287g.Nominee.V1;

namespace Program287g.Cli.Commands;

/// <summary>program287g nominee roster --agency ID [--xlsx FILE]: the agency's officers who hold an authorization in
/// force (status AUTHORIZED; suspended, revoked, ended and expired ones are not on it), every page, as a table or a
/// workbook.</summary>
public static class RosterCommand
{
    private static readonly string[] Headers =
    [
        "Reference", "Family name", "Given name", "Middle name", "Badge", "Authorization", "Model", "Agreement", "Issued on",
        "Issuing office", "Refresher due", "Expires on", "Ends on", "Nominee id",
    ];

    public static Command Create(CommandContext context)
    {
        var agency = new Option<string>("--agency") { Description = "The agency's id", Required = true };
        var xlsx = new Option<FileInfo?>("--xlsx") { Description = "Write the roster to this .xlsx file instead of a table" };
        var force = new Option<bool>("--force") { Description = "Replace the file if it exists" };
        var command = new Command("roster", "The agency's authorized officers, as a table or an xlsx workbook.") { agency, xlsx, force };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Nominee, (invoker, output) =>
            CommandGuard.RunAsync(output, async () =>
            {
                var file = parse.GetValue(xlsx);
                if (file is { Exists: true } && !parse.GetValue(force))
                {
                    output.WriteError($"{file.FullName} exists; not replaced (--force replaces it).");
                    return ExitCodes.NotReplaced;
                }
                var filter = new ListNomineesRequest { AgencyId = parse.GetValue(agency), Statuses = { NomineeStatus.Authorized } };
                var officers = (await NomineeCommand.FetchAsync(NomineeCommand.Client(invoker), filter,
                    new PageRequest(All: true, Paging.MaxPageSize, null), output, cancellationToken)).Rows;
                var rows = officers.Select(Cells).ToList();
                if (file is not null)
                {
                    await WriteAsync(file, rows, cancellationToken);
                }
                if (output.Json)
                {
                    output.WriteJson(new JsonObject
                    {
                        ["agencyId"] = filter.AgencyId,
                        ["officers"] = ProtoJson.Array(officers),
                        ["file"] = file?.FullName,
                    });
                }
                else if (file is not null)
                {
                    output.Out.WriteLine($"{Formats.Count(rows.Count)} authorized officers written to {file.FullName}.");
                }
                else
                {
                    // Fewer columns than the workbook: a terminal's width, not a spreadsheet's.
                    TableView.Write<Nominee.V1.Nominee>(output, officers,
                        ("Officer", o => $"{o.Officer?.FamilyName}, {o.Officer?.GivenName}"), ("Badge", o => o.Officer?.BadgeNumber),
                        ("Authorization", o => o.Authorization?.AuthorizationNumber),
                        ("Model", o => o.Agreement is null ? null : Formats.ShortName(o.Agreement.Model)),
                        ("Issued on", o => Formats.Iso(o.Authorization?.IssuedOn)), ("Refresher due", o => Formats.Iso(o.Authorization?.RefresherDueOn)),
                        ("Expires on", o => Formats.Iso(o.Authorization?.ExpiresOn)));
                    output.Out.WriteLine($"{Formats.Count(rows.Count)} authorized officers.");
                }
                return ExitCodes.Ok;
            }, cancellationToken)));
        return command;
    }

    private static string?[] Cells(Nominee.V1.Nominee officer) =>
    [
        officer.ReferenceNumber, officer.Officer?.FamilyName, officer.Officer?.GivenName, officer.Officer?.MiddleName,
        officer.Officer?.BadgeNumber, officer.Authorization?.AuthorizationNumber,
        officer.Agreement is null ? null : Formats.ShortName(officer.Agreement.Model), officer.Agreement?.ReferenceNumber,
        Formats.Iso(officer.Authorization?.IssuedOn), officer.Authorization?.IssuingOffice, Formats.Iso(officer.Authorization?.RefresherDueOn),
        Formats.Iso(officer.Authorization?.ExpiresOn), Formats.Iso(officer.Authorization?.EndsOn), officer.NomineeId,
    ];

    /// <summary>Through a file beside it, moved into place: an interrupted run leaves no half workbook.</summary>
    private static async Task WriteAsync(FileInfo file, IReadOnlyList<string?[]> rows, CancellationToken cancellationToken)
    {
        file.Directory?.Create();
        var partial = file.FullName + ".partial";
        await using (var stream = File.Create(partial))
        {
            XlsxTable.Write(stream, "Authorized officers", Headers, rows);
            await stream.FlushAsync(cancellationToken);
        }
        File.Move(partial, file.FullName, overwrite: true);
    }
}
