using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Program287g.Domain;
using Program287g.ServiceDefaults.Grpc;
using ProtoDate = Google.Type.Date;

namespace Program287g.ServiceDefaults.Validation;

/// <summary>Rules that requests of every service share (ids, dates, free text, states), so each is written once and
/// says the same thing wherever it applies. Messages name the field by its proto path.</summary>
public static class RequestRules
{
    public const int MaxTextLength = 200;
    public const int MaxReasonLength = 2000;

    public static IRuleBuilderOptions<T, string> MustBeUuid<T>(this IRuleBuilder<T, string> rule, string field) =>
        rule.Must(id => Guid.TryParse(id, out _)).WithMessage($"'{field}' must be a UUID.");

    public static IRuleBuilderOptions<T, ProtoDate?> MustBeDate<T>(this IRuleBuilder<T, ProtoDate?> rule, string field) =>
        rule.Must(date => date.ToDateOnly() is not null).WithMessage($"'{field}' must be a real calendar date (year, month and day).");

    /// <summary>A date of something that has happened may be today (Eastern) but not later.</summary>
    public static IRuleBuilderOptions<T, ProtoDate?> MustNotBeFuture<T>(this IRuleBuilder<T, ProtoDate?> rule, string field,
        TimeProvider clock) =>
        rule.Must(date => date.ToDateOnly() is not { } day || day <= ProgramTime.DateOf(clock.GetUtcNow()))
            .WithMessage($"'{field}' cannot be in the future.");

    public static IRuleBuilderOptions<T, string> MustBeStateOrEmpty<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(state => string.IsNullOrWhiteSpace(state) || UsStates.ToCode(state) is not null)
            .WithMessage("'state' must be empty, a USPS code or a state's full name.");

    /// <summary>An address mail can be sent to: one mailbox, written as given, with a dot in its domain.</summary>
    public static IRuleBuilderOptions<T, string> MustBeEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(email => System.Net.Mail.MailAddress.TryCreate(email, out var address) && address.Address == email
                && address.DisplayName.Length == 0 && address.Host.Contains('.') && !address.Host.EndsWith('.'))
            .WithMessage("'{PropertyName}' must be an email address such as name@agency.gov.")
            .MaximumLength(254);

    public static IRuleBuilderOptions<T, string> MustBeSaidText<T>(this IRuleBuilder<T, string> rule, int maxLength = MaxTextLength) =>
        rule.Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("'{PropertyName}' is required.")
            .MaximumLength(maxLength);
}

public static class RequestValidatorRegistration
{
    /// <summary>Every request validator in <typeparamref name="TMarker"/>'s assembly, which the error interceptor runs
    /// before each RPC. Singletons: a validator's rules are built in its constructor (FluentValidation compiles each
    /// expression), which per request cost about a twentieth of a cheap RPC; they hold no state but what they are given.</summary>
    public static IServiceCollection AddRequestValidators<TMarker>(this IServiceCollection services) =>
        services.AddValidatorsFromAssemblyContaining<TMarker>(ServiceLifetime.Singleton, includeInternalTypes: true);
}
