using FluentValidation;
using Program287g.Agency.V1;

namespace Program287g.Agency.Grpc;

public sealed class FindAgenciesByEmailValidator : AbstractValidator<FindAgenciesByEmailRequest>
{
    public FindAgenciesByEmailValidator()
    {
        RuleFor(r => r.Email).NotEmpty().MaximumLength(254).EmailAddress()
            .WithMessage("'email' must be an email address.");
    }
}
