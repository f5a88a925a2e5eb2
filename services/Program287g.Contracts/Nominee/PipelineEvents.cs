namespace Program287g.Contracts.Nominee;

/// <summary>ICE started the nominee's background investigation.</summary>
public sealed record BackgroundInvestigationStarted : NomineeEvent
{
    public required DateOnly StartedOn { get; init; }
}

/// <summary>The background investigation ended: passed (the nominee may be trained) or failed (the nomination ends).</summary>
public sealed record BackgroundInvestigationRecorded : NomineeEvent
{
    public required bool Passed { get; init; }
    public required DateOnly CompletedOn { get; init; }
}

/// <summary>The nominee was enrolled in a course of ICE's catalog for the agreement's model, at ICE's expense.</summary>
public sealed record TrainingEnrolled : NomineeEvent
{
    public required string CourseId { get; init; }
    public required string CourseTitle { get; init; }
    public required DateOnly StartsOn { get; init; }
}

/// <summary>Every exam of the course passed: the officer may be certified.</summary>
public sealed record TrainingCompleted : NomineeEvent
{
    public required string CourseId { get; init; }
    public required DateOnly CompletedOn { get; init; }
}

/// <summary>A second failure of an exam dismissed the nominee from training; the nomination ends.</summary>
public sealed record NomineeDismissed : NomineeEvent
{
    public required string CourseId { get; init; }
    public required string ExamId { get; init; }
    public required DateOnly DismissedOn { get; init; }
}

/// <summary>ICE certified in writing that the officer passed the training for the model.</summary>
public sealed record OfficerCertified : NomineeEvent
{
    public required DateOnly CertifiedOn { get; init; }
    public required string CertifiedBy { get; init; }
}
