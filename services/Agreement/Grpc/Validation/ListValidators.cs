using System.Text.RegularExpressions;
using FluentValidation;
using Google.Protobuf.WellKnownTypes;
using Program287g.Agreement.IcePublications;
using Program287g.Agreement.V1;
using Program287g.ServiceDefaults.Grpc;
using Program287g.ServiceDefaults.Validation;

namespace Program287g.Agreement.Grpc.Validation;

public sealed partial class ListAgreementsValidator : AbstractValidator<ListAgreementsRequest>
{
    public ListAgreementsValidator()
    {
        RuleFor(r => r.AgencyId).Must(id => id.Length == 0 || Guid.TryParse(id, out _)).WithMessage("'agency_id' must be empty or a UUID.");
        RuleForEach(r => r.Statuses).Must(s => s != V1.AgreementStatus.Unspecified && System.Enum.IsDefined(s))
            .WithMessage("'statuses' must hold agreement statuses only (not UNSPECIFIED).");
        RuleFor(r => r.Model).MustBeModelOrAny();
        RuleFor(r => r.State).MustBeStateOrEmpty();
        RuleFor(r => r.PageSize).InclusiveBetween(0, ListRules.MaxPageSize);
        RuleFor(r => r.PageToken).MaximumLength(1000);
        RuleFor(r => r.ReferenceNumberPrefix).Must(prefix => prefix.Length == 0 || ReferencePrefix().IsMatch(prefix))
            .WithMessage("'reference_number_prefix' must be empty or up to 20 letters, digits and hyphens, "
                + "e.g. \"287G-2026-\".");
    }

    [GeneratedRegex(@"^[A-Za-z0-9-]{1,20}\z")]
    private static partial Regex ReferencePrefix();
}

public sealed class ListParticipatingAgreementsValidator : AbstractValidator<ListParticipatingAgreementsRequest>
{
    public ListParticipatingAgreementsValidator()
    {
        RuleFor(r => r.Model).MustBeModelOrAny();
        RuleFor(r => r.State).MustBeStateOrEmpty();
        RuleFor(r => r.PageSize).InclusiveBetween(0, ListRules.MaxPageSize);
        RuleFor(r => r.AsOf).MustBeValidOrUnset("as_of");
    }
}

public sealed class ListPendingApplicationsValidator : AbstractValidator<ListPendingApplicationsRequest>
{
    public ListPendingApplicationsValidator()
    {
        RuleFor(r => r.Model).MustBeModelOrAny();
        RuleFor(r => r.State).MustBeStateOrEmpty();
        RuleFor(r => r.PageSize).InclusiveBetween(0, ListRules.MaxPageSize);
        RuleFor(r => r.AsOf).MustBeValidOrUnset("as_of");
    }
}

public sealed class GetStatisticsValidator : AbstractValidator<GetStatisticsRequest>
{
    public GetStatisticsValidator() => RuleFor(r => r.AsOf).MustBeValidOrUnset("as_of");
}

public sealed class ListStateMandateGapsValidator : AbstractValidator<ListStateMandateGapsRequest>
{
    public ListStateMandateGapsValidator()
    {
        RuleFor(r => r.State).MustBeStateOrEmpty();
        When(r => r.AsOf is not null, () => RuleFor(r => r.AsOf).MustBeDate("as_of")
            .Must(date => date.ToDateOnly() is not { } day || day < DateOnly.MaxValue).WithMessage("'as_of' must be before 9999-12-31."));
    }
}

public sealed class ExportIceListValidator : AbstractValidator<ExportIceListRequest>
{
    public ExportIceListValidator()
    {
        RuleFor(r => r.Kind).Must(k => k is V1.IceListKind.Participating or V1.IceListKind.Pending)
            .WithMessage("'kind' must be PARTICIPATING or PENDING.");
        RuleFor(r => r.AsOf).MustBeValidOrUnset("as_of");
    }
}

internal static class ListRules
{
    public const int MaxPageSize = 500;

    public static IRuleBuilderOptions<T, Model> MustBeModelOrAny<T>(this IRuleBuilder<T, Model> rule) =>
        rule.Must(System.Enum.IsDefined).WithMessage("'model' must be JEM, TFM, WSO or unspecified (any).");

    public static IRuleBuilderOptions<T, Timestamp?> MustBeValidOrUnset<T>(this IRuleBuilder<T, Timestamp?> rule, string field) =>
        rule.Must(t => t is null || ImportUpload.IsValid(t)).WithMessage($"'{field}' is not a valid timestamp.");
}
