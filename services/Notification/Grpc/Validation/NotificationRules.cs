using FluentValidation;
using Google.Protobuf.WellKnownTypes;
using Program287g.Notification.Domain;
using Program287g.ServiceDefaults.Grpc;
using Program287g.ServiceDefaults.Validation;
using ProtoDate = Google.Type.Date;

namespace Program287g.Notification.Grpc.Validation;

/// <summary>The rules this service's requests share beyond <see cref="RequestRules"/>. Messages name the field by its
/// proto path.</summary>
internal static class NotificationRules
{
    public const int MaxPageSize = 500;
    public const int MaxTextLength = 10_000;

    /// <summary>0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: what a Timestamp may hold.</summary>
    private const long FirstTimestampSeconds = -62135596800;
    private const long LastTimestampSeconds = 253402300799;

    /// <summary>Instants the calendar answers for: from a day after its first to its last, so that the day in any zone
    /// is one it covers.</summary>
    private static readonly DateTimeOffset FirstInstant = new(1971, 1, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastInstant = new(9998, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static IRuleBuilderOptions<T, ProtoDate?> MustBeCalendarDate<T>(this IRuleBuilder<T, ProtoDate?> rule, string field) =>
        rule.MustBeDate(field)
            .Must(date => date.ToDateOnly() is not { } day || (day >= BusinessCalendar.FirstDay && day <= BusinessCalendar.LastDay))
            .WithMessage($"'{field}' must be from {BusinessCalendar.FirstDay:yyyy-MM-dd} to {BusinessCalendar.LastDay:yyyy-MM-dd}.");

    public static IRuleBuilderOptions<T, int> MustBeCalendarYear<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(FederalHolidays.FirstYear, FederalHolidays.LastYear);

    public static bool IsValid(Timestamp timestamp) =>
        timestamp.Seconds is >= FirstTimestampSeconds and <= LastTimestampSeconds && timestamp.Nanos is >= 0 and <= 999_999_999;

    public static IRuleBuilderOptions<T, Timestamp?> MustBeTimestampOrUnset<T>(this IRuleBuilder<T, Timestamp?> rule, string field) =>
        rule.Must(t => t is null || IsValid(t)).WithMessage($"'{field}' is not a valid timestamp.");

    public static IRuleBuilderOptions<T, Timestamp?> MustBeCalendarInstant<T>(this IRuleBuilder<T, Timestamp?> rule, string field) =>
        rule.Must(t => t is not null).WithMessage($"'{field}' is required.")
            .Must(t => t is null || (IsValid(t) && t.ToDateTimeOffset() >= FirstInstant && t.ToDateTimeOffset() <= LastInstant))
            .WithMessage($"'{field}' must be a valid timestamp from {FirstInstant:yyyy-MM-dd} to {LastInstant:yyyy-MM-dd} (UTC).");

    public static IRuleBuilderOptions<T, string> MustBeUuidOrEmpty<T>(this IRuleBuilder<T, string> rule, string field) =>
        rule.Must(id => id.Length == 0 || Guid.TryParse(id, out _)).WithMessage($"'{field}' must be empty or a UUID.");

    public static IRuleBuilderOptions<T, string> MustBeEmailAddress<T>(this IRuleBuilder<T, string> rule, string field) =>
        rule.Must(EmailAddresses.IsValid).WithMessage($"'{field}' must be an email address (name@domain), up to {EmailAddresses.MaxLength} characters.");

    public static IRuleBuilderOptions<T, int> MustBePageSize<T>(this IRuleBuilder<T, int> rule) => rule.InclusiveBetween(0, MaxPageSize);

    public static IRuleBuilderOptions<T, TEnum> MustBeDefined<T, TEnum>(this IRuleBuilder<T, TEnum> rule, string field) where TEnum : struct, System.Enum =>
        rule.Must(value => System.Enum.IsDefined(value)).WithMessage($"'{field}' is not a value this service knows.");
}
