using FluentValidation;
using Program287g.Notification.V1;
using Program287g.ServiceDefaults.Validation;

namespace Program287g.Notification.Grpc.Validation;

public sealed class SubmitInquiryValidator : AbstractValidator<SubmitInquiryRequest>
{
    public SubmitInquiryValidator()
    {
        RuleFor(r => r.InquirerName).MustBeSaidText();
        RuleFor(r => r.ContactEmail).MustBeEmailAddress("contact_email");
        RuleFor(r => r.Subject).MustBeSaidText();
        RuleFor(r => r.Text).MustBeSaidText(NotificationRules.MaxTextLength);
        RuleFor(r => r.AgencyId).MustBeUuidOrEmpty("agency_id");
        RuleFor(r => r.RequestId).MustBeUuidOrEmpty("request_id");
    }
}

public sealed class GetInquiryValidator : AbstractValidator<GetInquiryRequest>
{
    public GetInquiryValidator() => RuleFor(r => r.InquiryId).MustBeUuid("inquiry_id");
}

public sealed class AnswerInquiryValidator : AbstractValidator<AnswerInquiryRequest>
{
    public AnswerInquiryValidator()
    {
        RuleFor(r => r.InquiryId).MustBeUuid("inquiry_id");
        RuleFor(r => r.Answer).MustBeSaidText(NotificationRules.MaxTextLength);
    }
}

public sealed class ListInquiriesValidator : AbstractValidator<ListInquiriesRequest>
{
    public ListInquiriesValidator()
    {
        RuleFor(r => r.Status).MustBeDefined("status");
        RuleFor(r => r.Status).NotEqual(InquiryStatus.Answered).When(r => r.OverdueOnly)
            .WithMessage("'status' cannot be ANSWERED with 'overdue_only': only open inquiries are overdue.");
        RuleFor(r => r.AgencyId).MustBeUuidOrEmpty("agency_id");
        RuleFor(r => r.PageSize).MustBePageSize();
    }
}
