using System.CommandLine;
using Program287g.Cli.Parsing;
using Program287g.Cli.Services;
using Program287g.Nominee.V1;

namespace Program287g.Cli.Commands;

/// <summary>program287g nominee nominate: the agency head nominates an officer under one of the agency's agreements;
/// eligibility is decided at once and printed with every reason.</summary>
public static class NominateCommand
{
    public static Command Create(CommandContext context)
    {
        var agency = new Option<string>("--agency") { Description = "The nominating agency's id", Required = true };
        var agreement = new Option<string>("--agreement") { Description = "The agency's active agreement's id", Required = true };
        var givenName = new Option<string>("--given-name") { Description = "The officer's given name", Required = true };
        var middleName = new Option<string?>("--middle-name") { Description = "The officer's middle name" };
        var familyName = new Option<string>("--family-name") { Description = "The officer's family name", Required = true };
        var badge = new Option<string>("--badge") { Description = "The agency's badge or employee number", Required = true };
        var born = CliDates.DayOption("--date-of-birth", "The officer's date of birth.", required: true);
        var email = new Option<string>("--email") { Description = "The officer's email", Required = true };
        var phone = new Option<string?>("--phone") { Description = "The officer's phone" };
        var citizen = new Option<bool?>("--us-citizen") { Description = "true or false: whether the officer is a U.S. citizen", Required = true };
        var sworn = CliDates.DayOption("--first-sworn-on", "The day the officer was first sworn as a law-enforcement officer.", required: true);
        var attestedBy = new Option<string>("--attested-by") { Description = "The agency head who nominates and attests", Required = true };
        var title = new Option<string>("--title") { Description = "The agency head's title, e.g. Sheriff", Required = true };
        var attestedOn = CliDates.DayOption("--attested-on", "The day the agency head signed the attestation.", required: true);
        var knowsLaws = new Option<bool?>("--knows-jurisdiction-laws")
        {
            Description = "true or false: the agency head attests that the officer knows, and has enforced, the laws of the jurisdiction",
            Required = true,
        };
        var command = new Command("nominate", "Nominates an officer under an agreement.")
        {
            agency, agreement, givenName, middleName, familyName, badge, born, email, phone, citizen, sworn, attestedBy, title, attestedOn, knowsLaws,
        };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, CliService.Nominee, (invoker, output) =>
        {
            var request = new NominateOfficerRequest
            {
                AgencyId = parse.GetValue(agency),
                AgreementId = parse.GetValue(agreement),
                Officer = new Officer
                {
                    GivenName = parse.GetValue(givenName), MiddleName = parse.GetValue(middleName) ?? "", FamilyName = parse.GetValue(familyName),
                    BadgeNumber = parse.GetValue(badge), DateOfBirth = parse.GetValue(born).ToDate(), Email = parse.GetValue(email),
                    Phone = parse.GetValue(phone) ?? "",
                },
                UsCitizen = parse.GetValue(citizen) ?? false,
                FirstSwornOn = parse.GetValue(sworn).ToDate(),
                Attestation = new AgencyHeadAttestation
                {
                    AttestedBy = parse.GetValue(attestedBy), Title = parse.GetValue(title), AttestedOn = parse.GetValue(attestedOn).ToDate(),
                    KnowsAndHasEnforcedJurisdictionLaws = parse.GetValue(knowsLaws) ?? false,
                },
            };
            return ServiceCall.PrintAsync(output,
                async () => await NomineeCommand.Client(invoker).NominateOfficerAsync(request, cancellationToken: cancellationToken),
                ServiceCall.Record<NominateOfficerResponse>(r => r.Nominee), cancellationToken);
        }));
        return command;
    }
}
