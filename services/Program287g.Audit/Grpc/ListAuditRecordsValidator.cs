using System.Text.RegularExpressions;
using FluentValidation;
using Google.Protobuf.WellKnownTypes;
using Program287g.Audit.V1;
using Program287g.ServiceDefaults.Validation;
using FilterCase = Program287g.Audit.V1.ListAuditRecordsRequest.FilterOneofCase;

namespace Program287g.Audit.Grpc;

public sealed partial class ListAuditRecordsValidator : AbstractValidator<ListAuditRecordsRequest>
{
    public const int MaxPageSize = 500;

    public ListAuditRecordsValidator()
    {
        RuleFor(r => r.FilterCase).Must(filter => filter != FilterCase.None)
            .OverridePropertyName("filter").WithMessage("One of 'actor' or 'record' is required.");
        When(r => r.FilterCase == FilterCase.Actor, () =>
        {
            RuleFor(r => r.Actor.Subject).MustBeSaidText();
            RuleFor(r => r.Actor.From).Must(IsMoment).WithMessage("'actor.from' must be a valid timestamp.");
            RuleFor(r => r.Actor.To).Must(IsMoment).WithMessage("'actor.to' must be a valid timestamp.")
                .Must((r, to) => !IsMoment(r.Actor.From) || r.Actor.From < to)
                .WithMessage("'actor.to' must come after 'actor.from'.");
        });
        When(r => r.FilterCase == FilterCase.Record, () =>
        {
            RuleFor(r => r.Record.Kind).Must(kind => RecordKind().IsMatch(kind))
                .WithMessage("'record.kind' must be a record kind such as \"agreement\" or \"mailbox_message\".");
            RuleFor(r => r.Record.Id).MustBeSaidText(100);
        });
        RuleFor(r => r.PageSize).InclusiveBetween(0, MaxPageSize);
        RuleFor(r => r.PageToken).MaximumLength(1000);
    }

    /// <summary>Set, and within what a Timestamp may hold (seconds from year 1 to 9999, nanos below a second).</summary>
    private static bool IsMoment(Timestamp? moment) =>
        moment is not null && moment.Seconds is >= -62_135_596_800 and <= 253_402_300_799 && moment.Nanos is >= 0 and < 1_000_000_000;

    [GeneratedRegex("^[a-z][a-z_]{0,39}\\z")]
    private static partial Regex RecordKind();
}
