using Program287g.Contracts.Agreement;
using Program287g.Contracts.Nominee;

namespace Program287g.ServiceTests.Notifications;

/// <summary>The events the Notification service consumes, as the Agreement and Nominee services raise them, each with
/// a reference number and a recipient made for the test (the shared SMTP server tells tests apart by them).</summary>
public static class TestEvents
{
    public static string NewReference(string prefix = "287G-2026-") => $"{prefix}{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";

    public static string NewRecipient() => $"jo.{Guid.NewGuid().ToString("N")[..10]}@example.gov";

    public static ApplicationSubmitted ApplicationSubmitted(DateTimeOffset submittedAt, string? contactEmail = "", string source = "api",
        string? reference = null) => new()
    {
        MessageId = Guid.NewGuid(), OccurredAt = submittedAt, AgreementId = Guid.NewGuid(), ReferenceNumber = reference ?? NewReference(),
        AgencyId = Guid.NewGuid(), AgencyName = "Harris County Sheriff's Office", State = "TX", Model = "WSO",
        ContactName = "Jo Contact", ContactEmail = contactEmail == "" ? NewRecipient() : contactEmail, Source = source, Actor = "staff@test",
        SubmittedAt = submittedAt, LetterOfInterestSigner = "Sheriff Pat Example", MoaSigner = "Sheriff Pat Example",
    };

    public static AgreementSigned AgreementSigned(DateTimeOffset signedAt, string? contactEmail = "", string source = "api") => new()
    {
        MessageId = Guid.NewGuid(), OccurredAt = signedAt, AgreementId = Guid.NewGuid(), ReferenceNumber = NewReference(),
        AgencyId = Guid.NewGuid(), AgencyName = "Polk County Sheriff's Office", State = "FL", Model = "JEM",
        ContactName = "Sam Contact", ContactEmail = contactEmail == "" ? NewRecipient() : contactEmail, Source = source, Actor = "staff@test",
        ActiveFrom = DateOnly.FromDateTime(signedAt.UtcDateTime), IceSignerName = "Ana Official", IceSignerTitle = "Field Office Director",
    };

    /// <summary>The nominee as the Nominee service's events describe them, in Cobb County, Georgia, under a TFM agreement.</summary>
    public static NomineeSnapshot Nominee(string? contactEmail = "", string status = "eligible") => new()
    {
        NomineeId = Guid.NewGuid(), ReferenceNumber = NewReference("287G-N-2026-"), AgencyId = Guid.NewGuid(),
        AgencyName = "Cobb County Sheriff's Office", State = "GA", AgreementId = Guid.NewGuid(), AgreementReference = NewReference(),
        Model = "TFM", OfficerName = "Jordan Q. Rivera", Status = status, ContactName = "Lee Contact",
        ContactEmail = contactEmail == "" ? NewRecipient() : contactEmail,
    };

    public static OfficerNominated OfficerNominated(DateTimeOffset nominatedAt, string? contactEmail = "") => new()
    {
        MessageId = Guid.NewGuid(), OccurredAt = nominatedAt, Nominee = Nominee(contactEmail), Actor = "agency@test",
        NominatedAt = nominatedAt, NominatedBy = "Sheriff Pat Example",
    };

    public static AuthorizationIssued AuthorizationIssued(DateTimeOffset issuedAt, string? contactEmail = "") => new()
    {
        MessageId = Guid.NewGuid(), OccurredAt = issuedAt, Nominee = Nominee(contactEmail, "authorized"), Actor = "staff@test",
        AuthorizationNumber = $"DIO-2026-{Guid.NewGuid().ToString("N")[..6]}", IssuedOn = DateOnly.FromDateTime(issuedAt.UtcDateTime),
        IssuingOffice = "ERO Atlanta", RefresherDueOn = DateOnly.FromDateTime(issuedAt.UtcDateTime).AddYears(2),
        ExpiresOn = DateOnly.FromDateTime(issuedAt.UtcDateTime).AddYears(2),
    };
}
