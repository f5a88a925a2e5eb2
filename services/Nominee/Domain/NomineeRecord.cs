namespace Program287g.Nominee.Domain;

/// <summary>One nominee as stored, with the officer's authorization once issued. Dates without times are program
/// dates (<see cref="Program287g.Domain.ProgramTime"/>). Holds personal data: never log it, never put it in a span.</summary>
public sealed record NomineeRecord
{
    public required Guid Id { get; init; }
    public required string ReferenceNumber { get; init; }
    public required Guid AgencyId { get; init; }
    public required Guid AgreementId { get; init; }
    public required string Model { get; init; }

    public required string GivenName { get; init; }
    public string? MiddleName { get; init; }
    public required string FamilyName { get; init; }
    public required string SortName { get; init; }
    public required string BadgeNumber { get; init; }
    public required string BadgeKey { get; init; }
    public required DateOnly DateOfBirth { get; init; }
    public required string Email { get; init; }
    public string? Phone { get; init; }
    public required bool UsCitizen { get; init; }
    public required DateOnly FirstSwornOn { get; init; }

    public required string AttestedBy { get; init; }
    public required string AttestedTitle { get; init; }
    public required DateOnly AttestedOn { get; init; }
    public required bool AttestsJurisdiction { get; init; }

    public required DateTime NominatedAt { get; init; }
    public required DateOnly NominatedOn { get; init; }
    public required bool Eligible { get; init; }
    public required string[] IneligibilityReasons { get; init; }

    public required string Status { get; init; }
    public string? StatusReason { get; init; }

    public DateOnly? BackgroundStartedOn { get; init; }
    public bool? BackgroundPassed { get; init; }
    public DateOnly? BackgroundCompletedOn { get; init; }

    public string? CourseId { get; init; }
    public DateOnly? TrainingStartsOn { get; init; }
    public DateOnly? TrainingCompletedOn { get; init; }

    public DateOnly? CertifiedOn { get; init; }
    public string? CertifiedBy { get; init; }
    public string? CertifiedByTitle { get; init; }

    public string? AuthorizationNumber { get; init; }
    public DateOnly? AuthorizationIssuedOn { get; init; }
    public string? IssuingOffice { get; init; }
    public DateOnly? RefresherDueOn { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public DateOnly? EndsOn { get; init; }
    /// <summary>"officer" or "agreement" while suspended.</summary>
    public string? SuspensionCause { get; init; }
    /// <summary>The status of the authorization, once issued: "active", "suspended", "revoked", "ended", "expired".</summary>
    public string? AuthorizationStatus { get; init; }

    public required DateTime UpdatedAt { get; init; }
    public long Version { get; init; } = 1;

    public NomineeStatus CurrentStatus => NomineeStatuses.Parse(Status);

    public string OfficerName => MiddleName is null ? $"{GivenName} {FamilyName}" : $"{GivenName} {MiddleName} {FamilyName}";
}

/// <summary>One step of a nominee's history.</summary>
public sealed record StepRecord
{
    public required Guid NomineeId { get; init; }
    public int Seq { get; init; }
    public string? FromStatus { get; init; }
    public required string ToStatus { get; init; }
    public required string Action { get; init; }
    public required DateOnly EffectiveOn { get; init; }
    public required DateTime RecordedAt { get; init; }
    public required string Actor { get; init; }
    public required string ActorRole { get; init; }
    public string? Note { get; init; }
}

/// <summary>Who made a change: the caller's subject and role; for a cascade, whoever changed the agreement, in the role
/// "cascade"; for a date that arrived, the service itself.</summary>
public sealed record Actor(string Subject, string Role)
{
    public static readonly Actor Calendar = new("nominee-service", "calendar");

    public static Actor Cascade(string agreementActor) => new(agreementActor, "cascade");
}

/// <summary>The agency and agreement a nominee belongs to, as this service last heard of them.</summary>
public sealed record AgreementView
{
    public required Guid AgreementId { get; init; }
    public required string ReferenceNumber { get; init; }
    public required string Model { get; init; }
    /// <summary>The Agreement service's status key: "active", "suspended", "terminated" ...</summary>
    public required string Status { get; init; }
    public required DateTime StatusAt { get; init; }
    public required Guid AgencyId { get; init; }
    public required string AgencyName { get; init; }
    public required string State { get; init; }
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public long AgencyVersion { get; init; }

    public bool IsActive => Status == "active";
}
