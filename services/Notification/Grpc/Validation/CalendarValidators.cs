using FluentValidation;
using Program287g.Notification.V1;
using Program287g.ServiceDefaults.Validation;

namespace Program287g.Notification.Grpc.Validation;

public sealed class IsBusinessDayValidator : AbstractValidator<IsBusinessDayRequest>
{
    public IsBusinessDayValidator() => RuleFor(r => r.Date).MustBeCalendarDate("date");
}

public sealed class GetNextBusinessDayValidator : AbstractValidator<GetNextBusinessDayRequest>
{
    public GetNextBusinessDayValidator() => RuleFor(r => r.Date).MustBeCalendarDate("date");
}

public sealed class GetDueTimeValidator : AbstractValidator<GetDueTimeRequest>
{
    public GetDueTimeValidator() => RuleFor(r => r.ReceivedAt).MustBeCalendarInstant("received_at");
}

public sealed class ListHolidaysValidator : AbstractValidator<ListHolidaysRequest>
{
    public ListHolidaysValidator() => RuleFor(r => r.Year).MustBeCalendarYear();
}

public sealed class ListClosuresValidator : AbstractValidator<ListClosuresRequest>
{
    public ListClosuresValidator() => When(r => r.Year != 0, () => RuleFor(r => r.Year).MustBeCalendarYear());
}

public sealed class AddClosureValidator : AbstractValidator<AddClosureRequest>
{
    public AddClosureValidator()
    {
        RuleFor(r => r.Date).MustBeCalendarDate("date");
        RuleFor(r => r.Reason).MustBeSaidText();
    }
}

public sealed class RemoveClosureValidator : AbstractValidator<RemoveClosureRequest>
{
    public RemoveClosureValidator() => RuleFor(r => r.Date).MustBeCalendarDate("date");
}
