using System.CommandLine;
using Program287g.Agency.V1;
using Program287g.Cli.Parsing;

namespace Program287g.Cli.Commands;

/// <summary>An agency's details as options: all required to register one; to update, only those to change.</summary>
public sealed class AgencyDetailsOptions
{
    private readonly Option<string?> _name;
    private readonly Option<string?> _state;
    private readonly Option<AgencyType> _type;
    private readonly Option<AgencyKind> _kind;
    private readonly Option<string?> _county;
    private readonly Option<string?> _head;
    private readonly Option<string?> _contactName;
    private readonly Option<string?> _contactEmail;

    public AgencyDetailsOptions(bool required)
    {
        _name = new("--name") { Description = "The agency's name, e.g. \"Harris County Sheriff's Office\"", Required = required };
        _state = new("--state") { Description = "Its state: USPS code or name", Required = required };
        _type = ProtoChoice.Option<AgencyType>("--type", "ICE's type of agency");
        _type.Required = required;
        _kind = ProtoChoice.Option<AgencyKind>("--kind", "What kind of law enforcement agency it is");
        _kind.Required = required;
        _county = new("--county") { Description = "Its county (empty for a state agency)" };
        _head = new("--head") { Description = "The agency head, e.g. \"Sheriff Pat Example\"", Required = required };
        _contactName = new("--contact-name") { Description = "The point of contact's name", Required = required };
        _contactEmail = new("--contact-email") { Description = "The point of contact's email: acknowledgments go there", Required = required };
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _name, _state, _type, _kind, _county, _head, _contactName, _contactEmail })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Sets the fields whose options were given.</summary>
    public void Apply(ParseResult parse, IAgencyFields request)
    {
        var contact = request.PointOfContact ??= new PointOfContact();
        request.Name = Given(parse, _name) ?? request.Name;
        request.State = Given(parse, _state) ?? request.State;
        request.Type = parse.GetResult(_type) is null ? request.Type : parse.GetValue(_type);
        request.Kind = parse.GetResult(_kind) is null ? request.Kind : parse.GetValue(_kind);
        request.County = Given(parse, _county) ?? request.County;
        request.AgencyHead = Given(parse, _head) ?? request.AgencyHead;
        contact.Name = Given(parse, _contactName) ?? contact.Name;
        contact.Email = Given(parse, _contactEmail) ?? contact.Email;
    }

    private static string? Given(ParseResult parse, Option<string?> option) => parse.GetResult(option) is null ? null : parse.GetValue(option) ?? "";
}
