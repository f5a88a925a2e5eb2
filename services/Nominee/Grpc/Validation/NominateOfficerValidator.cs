using FluentValidation;
using Program287g.Nominee.V1;
using Program287g.ServiceDefaults.Grpc;
using Program287g.ServiceDefaults.Validation;

namespace Program287g.Nominee.Grpc.Validation;

/// <summary>A nomination: the agency and agreement, the officer's identity and contact, citizenship (said either way,
/// never assumed), the date first sworn and the agency head's attestation. Messages never repeat a value: they are
/// returned to callers, and a date of birth is personal data.</summary>
public sealed class NominateOfficerValidator : AbstractValidator<NominateOfficerRequest>
{
    /// <summary>Nobody is sworn as a law-enforcement officer before 18, in any state.</summary>
    public const int MinimumSwornAge = 18;

    public NominateOfficerValidator(TimeProvider clock)
    {
        RuleFor(r => r.AgencyId).MustBeUuid("agency_id");
        RuleFor(r => r.AgreementId).MustBeUuid("agreement_id");
        RuleFor(r => r.Officer).NotNull().WithMessage("'officer' is required.").SetValidator(new OfficerValidator(clock)!);
        RuleFor(r => r.HasUsCitizen).Equal(true).OverridePropertyName("us_citizen")
            .WithMessage("'us_citizen' is required: say whether the officer is a U.S. citizen.");
        RuleFor(r => r.FirstSwornOn).MustBeDate("first_sworn_on").MustNotBeFuture("first_sworn_on", clock);
        RuleFor(r => r.FirstSwornOn)
            .Must((r, sworn) => r.Officer?.DateOfBirth.ToDateOnly() is not { } born || sworn.ToDateOnly() is not { } day
                || (YearsAfter(born, MinimumSwornAge) is { } adult && day >= adult))
            .WithMessage($"'first_sworn_on' cannot be before the officer's {MinimumSwornAge}th birthday.");
        RuleFor(r => r.Attestation).NotNull().WithMessage("'attestation' (the agency head's) is required.")
            .SetValidator(new AttestationValidator(clock)!);
    }

    /// <summary>The anniversary <paramref name="years"/> on, or null past 9999 (a date of birth in the far future is
    /// refused on its own field; this rule must not fall over on it).</summary>
    public static DateOnly? YearsAfter(DateOnly date, int years) => date.Year <= DateOnly.MaxValue.Year - years ? date.AddYears(years) : null;
}

internal sealed class OfficerValidator : AbstractValidator<Officer>
{
    public const int MaxNameLength = 100;
    public const int OldestAge = 100;

    public OfficerValidator(TimeProvider clock)
    {
        RuleFor(o => o.GivenName).MustBeSaidText(MaxNameLength);
        RuleFor(o => o.MiddleName).MaximumLength(MaxNameLength);
        RuleFor(o => o.FamilyName).MustBeSaidText(MaxNameLength);
        RuleFor(o => o.BadgeNumber).MustBeSaidText(50);
        RuleFor(o => o.DateOfBirth).MustBeDate("officer.date_of_birth").MustNotBeFuture("officer.date_of_birth", clock)
            .Must(born => born.ToDateOnly() is not { } day
                || NominateOfficerValidator.YearsAfter(day, OldestAge) is not { } hundredth || hundredth > Program287g.Domain.ProgramTime.DateOf(clock.GetUtcNow()))
            .WithMessage($"'officer.date_of_birth' must be a date of birth of someone younger than {OldestAge}.");
        RuleFor(o => o.Email).MustBeEmail();
        RuleFor(o => o.Phone).MaximumLength(30).Matches(@"^[0-9+()\-. ]*$").WithMessage("'{PropertyName}' may hold digits, spaces and + ( ) - . only.");
    }
}

internal sealed class AttestationValidator : AbstractValidator<AgencyHeadAttestation>
{
    public AttestationValidator(TimeProvider clock)
    {
        RuleFor(a => a.AttestedBy).MustBeSaidText();
        RuleFor(a => a.Title).MustBeSaidText();
        RuleFor(a => a.AttestedOn).MustBeDate("attestation.attested_on").MustNotBeFuture("attestation.attested_on", clock);
        RuleFor(a => a.HasKnowsAndHasEnforcedJurisdictionLaws).Equal(true)
            .OverridePropertyName("knows_and_has_enforced_jurisdiction_laws")
            .WithMessage("'attestation.knows_and_has_enforced_jurisdiction_laws' is required: say whether the agency head attests it.");
    }
}
