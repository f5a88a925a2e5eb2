namespace Program287g.Agreement.Domain;

/// <summary>One application (and the agreement it becomes) as stored. Dates without times are program dates
/// (<see cref="Program287g.Domain.ProgramTime"/>).</summary>
public sealed record AgreementRecord
{
    public required Guid Id { get; init; }
    public required string ReferenceNumber { get; init; }
    public required Guid AgencyId { get; init; }
    public required string AgencyName { get; init; }
    public required string AgencySortName { get; init; }
    public required string State { get; init; }
    public required string AgencyType { get; init; }
    public string? County { get; init; }
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public required long AgencyVersion { get; init; }
    public required string Model { get; init; }
    public required string Status { get; init; }
    public string? StatusReason { get; init; }
    public required DateTime SubmittedAt { get; init; }
    public DocumentInfo? LetterOfInterest { get; init; }
    public DocumentInfo? AgencySignedMoa { get; init; }
    public string? IceSignerName { get; init; }
    public string? IceSignerTitle { get; init; }
    public DateOnly? IceSignedOn { get; init; }
    public DateOnly? ActiveFrom { get; init; }
    public TerminationInfo? Termination { get; init; }
    public Guid? SupersededBy { get; init; }
    public Guid? Supersedes { get; init; }
    /// <summary>For a renewal, the agreement in force it will supersede once signed.</summary>
    public Guid? Renews { get; init; }
    /// <summary>The latest as-of moment of an ICE pending list that showed this application pending.</summary>
    public DateTime? ListedPendingAt { get; init; }
    public string? MoaUrl { get; init; }
    public string? AddendumUrl { get; init; }
    public required string Source { get; init; }
    public required DateTime UpdatedAt { get; init; }
    public long Version { get; init; } = 1;

    public AgreementStatus CurrentStatus => AgreementStatuses.Parse(Status);
}

/// <summary>A signed document as recorded: who signed it, when, and the hash (and link, when given by reference).</summary>
public sealed record DocumentInfo(string SignerName, string SignerTitle, DateOnly SignedOn, string? Uri, string Sha256, long SizeBytes);

public sealed record TerminationInfo(string NoticeGivenBy, DateOnly NoticeDate, DateOnly EffectiveOn, string? Reason);

public sealed record AddendumRecord(Guid Id, Guid AgreementId, string Description, DocumentInfo Document, DateTime RecordedAt);

public sealed record TransitionRecord
{
    public required Guid AgreementId { get; init; }
    public int Seq { get; init; }
    public string? FromStatus { get; init; }
    public required string ToStatus { get; init; }
    public required string Action { get; init; }
    public required DateTime EffectiveAt { get; init; }
    public required DateTime RecordedAt { get; init; }
    public required string Actor { get; init; }
    public required string ActorRole { get; init; }
    public string? Note { get; init; }
}

/// <summary>Who asked for a change: recorded in the history and on the events.</summary>
public sealed record Actor(string Subject, string Role)
{
    public static readonly Actor IceListImport = new("ice-list-import", "internal-system");
}
