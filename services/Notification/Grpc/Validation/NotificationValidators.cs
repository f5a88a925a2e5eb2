using FluentValidation;
using Program287g.Notification.V1;
using Program287g.ServiceDefaults.Grpc;
using Program287g.ServiceDefaults.Validation;

namespace Program287g.Notification.Grpc.Validation;

public sealed class GetNotificationValidator : AbstractValidator<GetNotificationRequest>
{
    public GetNotificationValidator() => RuleFor(r => r.NotificationId).MustBeUuid("notification_id");
}

public sealed class ListNotificationsValidator : AbstractValidator<ListNotificationsRequest>
{
    public ListNotificationsValidator()
    {
        RuleFor(r => r.Kind).MustBeDefined("kind");
        RuleFor(r => r.Status).MustBeDefined("status");
        RuleFor(r => r.Timeliness).MustBeDefined("timeliness");
        RuleFor(r => r.AgencyId).MustBeUuidOrEmpty("agency_id");
        RuleFor(r => r.ReceivedFrom).MustBeTimestampOrUnset("received_from");
        RuleFor(r => r.ReceivedBefore).MustBeTimestampOrUnset("received_before")
            .Must((r, before) => r.ReceivedFrom is null || before is null || !NotificationRules.IsValid(r.ReceivedFrom)
                || !NotificationRules.IsValid(before) || before.ToDateTimeOffset() > r.ReceivedFrom.ToDateTimeOffset())
            .WithMessage("'received_before' must be after 'received_from'.");
        RuleFor(r => r.PageSize).MustBePageSize();
    }
}

public sealed class GetSlaReportValidator : AbstractValidator<GetSlaReportRequest>
{
    public const int MaxDays = 366;

    public GetSlaReportValidator()
    {
        RuleFor(r => r.FirstDay).MustBeCalendarDate("first_day");
        RuleFor(r => r.LastDay).MustBeCalendarDate("last_day")
            .Must((r, last) => r.FirstDay.ToDateOnly() is not { } first || last.ToDateOnly() is not { } end || end >= first)
            .WithMessage("'last_day' cannot be before 'first_day'.")
            .Must((r, last) => r.FirstDay.ToDateOnly() is not { } first || last.ToDateOnly() is not { } end
                || end.DayNumber - first.DayNumber < MaxDays)
            .WithMessage($"The period may be at most {MaxDays} days.");
    }
}
