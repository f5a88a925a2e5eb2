using FluentValidation;
using Program287g.Agreement.V1;
using Program287g.Domain;
using Program287g.ServiceDefaults.Grpc;
using ProtoDate = Google.Type.Date;

namespace Program287g.Nominee.Grpc.Validation;

/// <summary>Rules only this service's requests share (the rest are RequestRules').</summary>
internal static class NomineeRules
{
    public static IRuleBuilderOptions<T, Model> MustBeModelOrAny<T>(this IRuleBuilder<T, Model> rule) =>
        rule.Must(Enum.IsDefined).WithMessage("'model' must be JEM, TFM, WSO or unspecified (any).");

    public static IRuleBuilderOptions<T, ProtoDate?> MustBeWithinDaysAhead<T>(this IRuleBuilder<T, ProtoDate?> rule, string field,
        int days, TimeProvider clock) =>
        rule.Must(date => date.ToDateOnly() is not { } day || day <= ProgramTime.DateOf(clock.GetUtcNow()).AddDays(days))
            .WithMessage($"'{field}' cannot be more than {days} days ahead.");
}
