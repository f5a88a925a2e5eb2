using FluentValidation;
using Program287g.Notification.V1;
using Program287g.ServiceDefaults.Validation;

namespace Program287g.Notification.Grpc.Validation;

public sealed class ListMailboxMessagesValidator : AbstractValidator<ListMailboxMessagesRequest>
{
    public ListMailboxMessagesValidator()
    {
        RuleFor(r => r.Outcome).MustBeDefined("outcome");
        RuleFor(r => r.ReferenceNumber).MaximumLength(64).WithMessage("'reference_number' must be at most 64 characters.");
        RuleFor(r => r.PageSize).MustBePageSize();
    }
}

public sealed class GetMailboxMessageValidator : AbstractValidator<GetMailboxMessageRequest>
{
    public GetMailboxMessageValidator() => RuleFor(r => r.MailboxMessageId).MustBeUuid("mailbox_message_id");
}

public sealed class FileMailAsApplicationValidator : AbstractValidator<FileMailAsApplicationRequest>
{
    public FileMailAsApplicationValidator()
    {
        RuleFor(r => r.MailboxMessageId).MustBeUuid("mailbox_message_id");
        RuleFor(r => r.AgencyId).MustBeUuid("agency_id");
        RuleFor(r => r.Model).MustBeDefined("model");
    }
}
